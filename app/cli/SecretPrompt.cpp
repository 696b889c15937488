#include "SecretPrompt.h"

#include <QFile>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace secretprompt {

namespace {

constexpr qsizetype kMaxLength = 4096;
constexpr int kSignals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

// What a signal handler needs to give the terminal its echo back before the process ends.
int g_tty = -1;
termios g_saved{};
struct sigaction g_previous[std::size(kSignals)];

void restoreAndRaise(int signal)
{
    ::tcsetattr(g_tty, TCSAFLUSH, &g_saved);
    [[maybe_unused]] const auto n = ::write(g_tty, "\n", 1);
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}

void writeText(int fd, const QByteArray &text)
{
    const char *data = text.constData();
    qsizetype left = text.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        data += n;
        left -= n;
    }
}

// Echo off for as long as it lives, with handlers that turn it back on if a signal ends the
// process first. Ctrl-Z is ignored meanwhile: a stopped shell with echo off is no better.
class QuietTerminal final
{
public:
    explicit QuietTerminal(int fd)
    {
        if (::tcgetattr(fd, &g_saved) != 0)
            return;
        g_tty = fd;
        struct sigaction action {
        };
        action.sa_handler = restoreAndRaise;
        sigemptyset(&action.sa_mask);
        for (size_t i = 0; i < std::size(kSignals); ++i)
            ::sigaction(kSignals[i], &action, &g_previous[i]);
        m_tstp = ::signal(SIGTSTP, SIG_IGN);
        termios quiet = g_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO | ECHOE | ECHOK | ECHONL);
        m_ok = ::tcsetattr(fd, TCSAFLUSH, &quiet) == 0;
    }
    ~QuietTerminal()
    {
        if (g_tty < 0)
            return;
        ::tcsetattr(g_tty, TCSAFLUSH, &g_saved);
        ::signal(SIGTSTP, m_tstp);
        for (size_t i = 0; i < std::size(kSignals); ++i)
            ::sigaction(kSignals[i], &g_previous[i], nullptr);
        g_tty = -1;
    }
    QuietTerminal(const QuietTerminal &) = delete;
    QuietTerminal &operator=(const QuietTerminal &) = delete;
    bool ok() const { return m_ok; }

private:
    bool m_ok = false;
    sighandler_t m_tstp = SIG_DFL;
};

} // namespace

bool available()
{
    return ::isatty(STDIN_FILENO) == 1;
}

coffer::Result<coffer::SecretBytes> ask(const QString &prompt)
{
    const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return coffer::fail(coffer::ErrorCode::KeyRequired,
            QStringLiteral("There is no terminal to ask for the passphrase on: give it with --passphrase-file or the "
                           "workspace's environment variable"));
    coffer::SecretBytes line(kMaxLength);
    qsizetype length = 0;
    bool ended = false; // Enter was pressed
    bool tooLong = false;
    {
        // Echo goes off before the prompt shows, so nothing typed after it is ever echoed.
        const QuietTerminal quiet(fd);
        if (!quiet.ok()) {
            ::close(fd);
            return coffer::fail(coffer::ErrorCode::KeyRequired,
                QStringLiteral("The terminal cannot turn its echo off, so the passphrase is not asked for there: give "
                               "it with --passphrase-file or the workspace's environment variable"));
        }
        writeText(fd, prompt.toLocal8Bit());
        for (;;) {
            char c = 0;
            const ssize_t n = ::read(fd, &c, 1);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            if (c == '\n' || c == '\r') {
                ended = true;
                break;
            }
            if (length == kMaxLength) {
                tooLong = true;
                continue; // read the rest of the line so it does not reach the shell
            }
            line.data()[length++] = static_cast<unsigned char>(c);
            c = 0;
        }
        writeText(fd, QByteArrayLiteral("\n"));
    }
    ::close(fd);
    if (tooLong)
        return coffer::fail(coffer::ErrorCode::InvalidArgument,
            QStringLiteral("That passphrase is longer than %1 bytes; use a shorter one").arg(kMaxLength));
    if (length == 0)
        return coffer::fail(coffer::ErrorCode::KeyRequired,
            ended ? QStringLiteral("No passphrase was typed; nothing was done")
                  : QStringLiteral("The terminal closed before a passphrase was typed; nothing was done"));
    return coffer::SecretBytes(line.data(), length);
}

} // namespace secretprompt
