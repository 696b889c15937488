// coffer-cli: the command-line face of coffer_core. Parses a command, runs it, maps the
// outcome to an exit code (0 ok, 1 a check failed, 2 usage, 3 the operation failed).
#include "CliOutput.h"
#include "Commands.h"

#include <QCoreApplication>
#ifdef COFFER_HAVE_PDF
#include <QGuiApplication>
#endif

#include <functional>
#include <map>
#include <memory>

namespace {

const QString kUsage = QStringLiteral(R"(Usage: coffer-cli COMMAND [options]

Commands:
  init REPO [--require-encryption] create a backup repository
  backup (--path DB | --db NAME | --group G | --all) [--repo REPO]
         [--compression zstd|gzip|none] [--level N] [--tag TAG] [--json]
         [--encrypt] [--recipient KEY]... [--passphrase-file F] [--wait SECONDS]
                                   back up databases online into a repository
  list [--repo REPO] [--db NAME] [--json]
                                   list backups, newest first
  info [--repo REPO] ID [--json]   show one backup
  verify [--repo REPO] (ID... | --all [--db NAME]) [--level quick|full]
         [--max-age-hours H] [--min-size BYTES] [--identity KEYFILE]...
         [--passphrase-file F] [--wait SECONDS] [--json]
         [--report FILE.json|FILE.html|FILE.pdf] [--stale-after-days N]
                                   verify backups against their manifests
  restore [--repo REPO] (ID | --latest --db NAME) [--target PATH] [--live]
          [--dry-run] [--no-safety-backup] [--ignore-name-mismatch] [--yes]
          [--identity KEYFILE]... [--passphrase-file F] [--recipient KEY]...
          [--wait SECONDS] [--json]
                                   restore a backup: preflight, safety backup, atomic
                                   install, automatic rollback
  decrypt ARTIFACT --out FILE [--identity KEYFILE]... [--passphrase-file F] [--json]
                                   decrypt an encrypted backup to its .sqlite.zst
                                   (.gz, .sqlite) stream, for stock tools
  key generate --out FILE [--json] write a new private key (0600); print its public key
  key public --identity FILE [--json]
                                   print the public key of a private key file
  prune [--repo REPO] [--db NAME | --group G] [--keep-last N] [--keep-hourly N]
        [--keep-daily N] [--keep-weekly N] [--keep-monthly N] [--keep-yearly N]
        [--keep-within 7d] [--retention-days N] [--retain-count N] [--max-size-gb G]
        [--min-count N] [--timezone ZONE] [--dry-run] [--report FILE.json]
        [--wait SECONDS] [--json]
                                   delete the backups the retention policy (these
                                   options, else the workspace's) does not keep
  pin|unpin [--repo REPO] ID       keep a backup whatever the policy says, or stop
  delete [--repo REPO] ID [--yes]  delete one backup
  size [--repo REPO] [--by database|month] [--json]
                                   storage per database or month, free space, and
                                   the size after the policy's prune
  repo reindex|check|unlock [--repo REPO] [--repair]
                                   rebuild or cross-check the catalog (--repair:
                                   finish interrupted deletions and reindex), or
                                   remove locks left by processes on other hosts
  audit [--repo REPO] [--since TIME] [--json]
                                   show the audit trail, oldest first
  audit verify [--repo REPO] [--json]
                                   check the audit trail's hash chain
  drill [--repo REPO] (--db NAME | --group G | --all | ID...) [--sample N]
        [--identity KEYFILE]... [--passphrase-file F] [--json]
        [--report FILE.json|FILE.html|FILE.pdf]
                                   restore backups into a scratch folder, verify them,
                                   run the smoke queries, time them (RTO), clean up
  health [--json] [--publish] [--metrics-file FILE]
                                   each database's backup age against its schedule,
                                   last verification and last drill; exit 1 when any is
                                   overdue, failing or never verified
  run-due [--wait SECONDS] [--json]
                                   run every backup, prune, verification and drill the
                                   schedules say is due, then publish metrics and alerts
  schedule list [--json]           the next run of everything scheduled
  schedule install (--systemd | --cron) [--user | --run-as USER] [--print] [--every MINUTES]
                                   install (or print) a systemd timer or a cron line
                                   that calls run-due

Every command takes --workspace FILE (default $COFFER_WORKSPACE or
~/.config/coffer/workspace.yaml) and --help.
Passphrases come from --passphrase-file, the environment variable the workspace
names (backup.encryption.key_env_var, default COFFER_PASSPHRASE), or a prompt on
the terminal; never from the command line.
Exit codes: 0 success, 1 a check failed, 2 usage error, 3 the operation failed
(including a missing or wrong passphrase or key).)");

#ifdef COFFER_HAVE_PDF
// Whether the command line asks for a PDF report: only then does coffer-cli need Qt Gui (text
// layout for QTextDocument), on the offscreen platform so that no display is needed.
bool wantsPdf(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        QByteArray file;
        if (arg == "--report" || arg == "-report")
            file = i + 1 < argc ? QByteArray(argv[i + 1]) : QByteArray();
        else if (arg.startsWith("--report="))
            file = arg.mid(9);
        if (file.toLower().endsWith(".pdf"))
            return true;
    }
    return false;
}
#endif

std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[])
{
#ifdef COFFER_HAVE_PDF
    if (wantsPdf(argc, argv)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return std::make_unique<QGuiApplication>(argc, argv);
    }
#endif
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("coffer-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COFFER_VERSION_STRING));

    const QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.value(1);
    if (command.isEmpty()) {
        cli::err(kUsage);
        return kExitUsage;
    }
    if (command == QStringLiteral("--help") || command == QStringLiteral("-h") || command == QStringLiteral("help")) {
        cli::out(kUsage);
        return kExitOk;
    }
    if (command == QStringLiteral("--version")) {
        cli::out(QStringLiteral("coffer-cli %1").arg(QCoreApplication::applicationVersion()));
        return kExitOk;
    }
    const std::map<QString, std::function<int(const QStringList &)>> commands{
        { QStringLiteral("init"), runInit },
        { QStringLiteral("backup"), runBackup },
        { QStringLiteral("list"), runList },
        { QStringLiteral("info"), runInfo },
        { QStringLiteral("verify"), runVerify },
        { QStringLiteral("repo"), runRepo },
        { QStringLiteral("restore"), runRestore },
        { QStringLiteral("audit"), runAudit },
        { QStringLiteral("key"), runKey },
        { QStringLiteral("decrypt"), runDecrypt },
        { QStringLiteral("prune"), runPrune },
        { QStringLiteral("pin"), runPin },
        { QStringLiteral("unpin"), runPin },
        { QStringLiteral("delete"), runDelete },
        { QStringLiteral("size"), runSize },
        { QStringLiteral("run-due"), runRunDue },
        { QStringLiteral("schedule"), runSchedule },
        { QStringLiteral("drill"), runDrill },
        { QStringLiteral("health"), runHealth },
    };
    const auto it = commands.find(command);
    if (it == commands.end())
        return cli::usageError(QStringLiteral("unknown command '%1'").arg(command));
    return it->second(arguments.mid(1));
}
