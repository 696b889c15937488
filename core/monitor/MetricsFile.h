#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QString>

namespace coffer {

// The metrics file node_exporter's textfile collector reads: replaced atomically (a hidden
// temporary file in the same folder, fsynced, renamed over the old one, the folder fsynced), so a
// scrape sees the old file or the new one, never half of one. Mode 0644 whatever the umask: the
// exporter usually runs as another user. The folder must exist; it is the exporter's, not ours.
class MetricsFile final
{
public:
    static Result<void> write(const QString &path, const QByteArray &text);
};

} // namespace coffer
