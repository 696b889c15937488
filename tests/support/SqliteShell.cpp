#include "SqliteShell.h"

#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QStringList>

namespace testsupport {

SqliteShell::~SqliteShell()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000))
            kill();
    }
}

bool SqliteShell::start(const QString &path, const QString &setup)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(QStringLiteral("sqlite3"), { QStringLiteral("-batch"), path });
    if (!m_process.waitForStarted(10000))
        return false;
    query(QStringLiteral(".timeout 10000"));
    const QString opened = query(setup.isEmpty() ? QStringLiteral("SELECT count(*) FROM sqlite_schema") : setup);
    return !opened.startsWith(QStringLiteral("error")) && !opened.contains(QStringLiteral("Error"));
}

QString SqliteShell::query(const QString &sql, int timeoutMs)
{
    static const QByteArray end = "--coffer-end--";
    m_process.write(sql.toUtf8() + (sql.startsWith(QLatin1Char('.')) ? "\n" : ";\n") + "SELECT '" + end + "';\n");
    QByteArray output;
    QDeadlineTimer deadline(timeoutMs);
    while (!output.contains(end) && !deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(100);
        output += m_process.readAll();
    }
    output = output.left(output.indexOf(end));
    return QString::fromUtf8(output).trimmed();
}

void SqliteShell::kill()
{
    m_process.kill();
    m_process.waitForFinished(5000);
}

QString contentSummary(const QString &path)
{
    QStringList parts{ sqlite(path, QStringLiteral("PRAGMA integrity_check")) };
    const QStringList tables = sqlite(path,
        QStringLiteral("SELECT group_concat(name, ',') FROM (SELECT name FROM "
                       "sqlite_schema WHERE type = 'table' ORDER BY name)"))
                                   .split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &table : tables)
        parts << QStringLiteral("%1=%2").arg(
            table, sqlite(path, QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table)));
    return parts.join(QStringLiteral("; "));
}

} // namespace testsupport
