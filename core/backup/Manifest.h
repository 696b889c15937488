#pragma once

#include "common/Error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace coffer {

// Everything known about one backup, written next to its artifact as JSON. The manifests
// are the truth of a repository: the catalog is rebuilt from them.
struct Manifest {
    static constexpr int kFormatVersion = 1;

    QString id; // 32 lower-case hex digits; the first 8 appear in file names
    QString database;
    QString group;
    QString sourcePath;
    QString engine = QStringLiteral("sqlite");
    QString sqliteVersion;
    QDateTime created; // UTC
    qint64 durationMs = 0;
    QString trigger = QStringLiteral("manual"); // manual, scheduled, safety, pre-migration, drill
    QStringList tags;
    bool pinned = false;
    QDateTime expires; // UTC; invalid when the backup is kept by the retention policy alone

    qint64 pageSize = 0;
    qint64 pageCount = 0;
    qint64 tableCount = 0;
    QString schemaHash;
    QMap<QString, qint64> rowCounts;

    qint64 plaintextSize = 0;
    QString plaintextSha256;
    QString artifactFile; // file name only, in the manifest's own folder
    qint64 artifactSize = 0;
    QString artifactSha256;
    QString compression = QStringLiteral("zstd");
    int compressionLevel = 3;
    QString encryptionScheme = QStringLiteral("none");
    QStringList encryptionRecipients; // key ids, never secrets

    QString host;
    QString user;
    QString cofferVersion;

    QString shortId() const { return id.left(8); }
    QJsonObject toJson() const;
    QByteArray toBytes() const; // indented JSON, newline-terminated

    // Corrupt with the name of the first field that is missing or malformed; an artifact
    // file name that is not a plain file name (a path) is rejected too.
    static Result<Manifest> fromJson(const QJsonObject &json);
    static Result<Manifest> fromBytes(const QByteArray &bytes);
};

} // namespace coffer
