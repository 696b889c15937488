#pragma once

#include "backup/Manifest.h"
#include "common/Progress.h"
#include "crypto/EncryptionKeys.h"
#include "verify/CheckResult.h"

#include <QString>

namespace coffer {

// A backup decoded next to its restore target — a hidden file in the same folder, so the
// install is a rename on one file system — and checked against its manifest. Removed when
// dropped, unless it was installed.
class MaterialisedCopy final
{
    Q_DISABLE_COPY_MOVE(MaterialisedCopy)

public:
    explicit MaterialisedCopy(const QString &target);
    ~MaterialisedCopy();

    // Decodes the artifact (0600, fsynced), then runs integrity_check and compares page,
    // table and row counts and the schema hash with the manifest. The checks say whether the
    // copy is good; an Error means it could not be made (full disk, cancelled).
    Result<QList<CheckResult>> fill(const Manifest &manifest, const QString &artifactPath, const CancelFlag &cancel,
        const ProgressFn &progress, const Credentials &credentials, const char *midPoint = nullptr);

    QString path() const { return m_path; }
    // The file now lives on as the target; it is no longer this object's to remove.
    void release() { m_path.clear(); }

    // Removes copies left in the target's folder by restores whose process died.
    static void removeLeftovers(const QString &target);

private:
    QString m_path;
};

} // namespace coffer
