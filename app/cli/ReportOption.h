#pragma once

#include <QString>

#include <optional>

namespace cli {

// --report FILE.json|.html|.pdf is checked before anything runs: a bad name, a PDF without PDF
// support, or a folder that does not exist is a usage error (its exit code is returned).
std::optional<int> checkReportPath(const QString &path);

} // namespace cli
