#include "backup/Manifest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace coffer {

namespace {

const QRegularExpression &hexPattern(int length)
{
    static const QRegularExpression id(QStringLiteral("^[0-9a-f]{32}$"));
    static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{64}$"));
    return length == 32 ? id : sha;
}

// Reads fields one by one and remembers the first one that is wrong.
class Reader final
{
public:
    explicit Reader(const QJsonObject &json)
        : m_json(json)
    {
    }

    QString string(const char *key, bool required = true)
    {
        const QJsonValue value = m_json.value(QLatin1String(key));
        if (value.isString())
            return value.toString();
        if (required || !(value.isUndefined() || value.isNull()))
            flag(key);
        return {};
    }

    qint64 integer(const char *key)
    {
        const QJsonValue value = m_json.value(QLatin1String(key));
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || number != double(qint64(number)))
            flag(key);
        return qint64(number);
    }

    QString hex(const char *key, int length)
    {
        const QString value = string(key);
        if (!hexPattern(length).match(value).hasMatch())
            flag(key);
        return value;
    }

    QStringList strings(const char *key)
    {
        const QJsonValue value = m_json.value(QLatin1String(key));
        QStringList out;
        if (value.isUndefined())
            return out;
        if (!value.isArray()) {
            flag(key);
            return out;
        }
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isString())
                flag(key);
            out << item.toString();
        }
        return out;
    }

    void flag(const char *key)
    {
        if (m_bad.isEmpty())
            m_bad = QLatin1String(key);
    }

    QString firstBad() const { return m_bad; }
    const QJsonObject &json() const { return m_json; }

private:
    const QJsonObject &m_json;
    QString m_bad;
};

} // namespace

QJsonObject Manifest::toJson() const
{
    QJsonObject rows;
    for (auto it = rowCounts.cbegin(); it != rowCounts.cend(); ++it)
        rows.insert(it.key(), it.value());
    return QJsonObject{
        { QStringLiteral("format"), QStringLiteral("coffer-manifest") },
        { QStringLiteral("format_version"), kFormatVersion },
        { QStringLiteral("id"), id },
        { QStringLiteral("database"), database },
        { QStringLiteral("group"), group },
        { QStringLiteral("source_path"), sourcePath },
        { QStringLiteral("engine"), engine },
        { QStringLiteral("sqlite_version"), sqliteVersion },
        { QStringLiteral("created"), created.toUTC().toString(Qt::ISODateWithMs) },
        { QStringLiteral("duration_ms"), durationMs },
        { QStringLiteral("trigger"), trigger },
        { QStringLiteral("tags"), QJsonArray::fromStringList(tags) },
        { QStringLiteral("pinned"), pinned },
        { QStringLiteral("expires"),
            expires.isValid() ? QJsonValue(expires.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue() },
        { QStringLiteral("page_size"), pageSize },
        { QStringLiteral("page_count"), pageCount },
        { QStringLiteral("table_count"), tableCount },
        { QStringLiteral("schema_hash"), schemaHash },
        { QStringLiteral("row_counts"), rows },
        { QStringLiteral("plaintext_size"), plaintextSize },
        { QStringLiteral("plaintext_sha256"), plaintextSha256 },
        { QStringLiteral("artifact"), artifactFile },
        { QStringLiteral("artifact_size"), artifactSize },
        { QStringLiteral("artifact_sha256"), artifactSha256 },
        { QStringLiteral("compression"), compression },
        { QStringLiteral("compression_level"), compressionLevel },
        { QStringLiteral("encryption"),
            QJsonObject{ { QStringLiteral("scheme"), encryptionScheme },
                { QStringLiteral("recipients"), QJsonArray::fromStringList(encryptionRecipients) } } },
        { QStringLiteral("host"), host },
        { QStringLiteral("user"), user },
        { QStringLiteral("coffer_version"), cofferVersion },
    };
}

QByteArray Manifest::toBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

Result<Manifest> Manifest::fromJson(const QJsonObject &json)
{
    if (json.value(QStringLiteral("format")).toString() != QStringLiteral("coffer-manifest"))
        return fail(ErrorCode::Corrupt, QStringLiteral("Not a Coffer manifest"), QStringLiteral("field 'format'"));
    const int version = json.value(QStringLiteral("format_version")).toInt(-1);
    if (version > kFormatVersion)
        return fail(ErrorCode::UnsupportedFormat,
            QStringLiteral("The manifest was written by a newer Coffer (format %1); upgrade Coffer to read it")
                .arg(version));
    if (version < 1)
        return fail(ErrorCode::Corrupt, QStringLiteral("The manifest is malformed: field 'format_version'"));

    Reader r(json);
    Manifest m;
    m.id = r.hex("id", 32);
    m.database = r.string("database");
    if (m.database.isEmpty())
        r.flag("database");
    m.group = r.string("group", false);
    m.sourcePath = r.string("source_path", false);
    m.engine = r.string("engine");
    m.sqliteVersion = r.string("sqlite_version", false);
    m.created = QDateTime::fromString(r.string("created"), Qt::ISODateWithMs);
    if (!m.created.isValid())
        r.flag("created");
    m.created = m.created.toUTC();
    m.durationMs = r.integer("duration_ms");
    m.trigger = r.string("trigger");
    m.tags = r.strings("tags");
    m.pinned = json.value(QStringLiteral("pinned")).toBool(false);
    // Optional: absent or null in manifests of backups that only the retention policy expires.
    const QJsonValue expires = json.value(QStringLiteral("expires"));
    if (!expires.isUndefined() && !expires.isNull()) {
        m.expires = QDateTime::fromString(expires.toString(), Qt::ISODateWithMs).toUTC();
        if (!m.expires.isValid())
            r.flag("expires");
    }
    m.pageSize = r.integer("page_size");
    m.pageCount = r.integer("page_count");
    m.tableCount = r.integer("table_count");
    m.schemaHash = r.hex("schema_hash", 64);
    const QJsonValue rows = json.value(QStringLiteral("row_counts"));
    if (!rows.isObject())
        r.flag("row_counts");
    const QJsonObject rowObject = rows.toObject();
    for (auto it = rowObject.begin(); it != rowObject.end(); ++it) {
        if (!it.value().isDouble() || it.value().toDouble() < 0)
            r.flag("row_counts");
        m.rowCounts.insert(it.key(), qint64(it.value().toDouble()));
    }
    m.plaintextSize = r.integer("plaintext_size");
    m.plaintextSha256 = r.hex("plaintext_sha256", 64);
    m.artifactFile = r.string("artifact");
    // A name read from a manifest is never trusted as a path.
    if (m.artifactFile.isEmpty() || m.artifactFile.contains(QLatin1Char('/'))
        || m.artifactFile.startsWith(QLatin1Char('.')) || m.artifactFile.contains(QLatin1Char('\\'))
        || m.artifactFile.contains(QChar(0)))
        r.flag("artifact");
    m.artifactSize = r.integer("artifact_size");
    m.artifactSha256 = r.hex("artifact_sha256", 64);
    m.compression = r.string("compression");
    m.compressionLevel = int(r.integer("compression_level"));
    const QJsonObject encryption = json.value(QStringLiteral("encryption")).toObject();
    m.encryptionScheme = encryption.value(QStringLiteral("scheme")).toString(QStringLiteral("none"));
    for (const QJsonValue &recipient : encryption.value(QStringLiteral("recipients")).toArray())
        m.encryptionRecipients << recipient.toString();
    m.host = r.string("host", false);
    m.user = r.string("user", false);
    m.cofferVersion = r.string("coffer_version", false);

    if (!r.firstBad().isEmpty())
        return fail(ErrorCode::Corrupt, QStringLiteral("The manifest is malformed: field '%1'").arg(r.firstBad()));
    return m;
}

Result<Manifest> Manifest::fromBytes(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorCode::Corrupt, QStringLiteral("The manifest is not valid JSON"),
            QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(error.offset));
    return fromJson(doc.object());
}

} // namespace coffer
