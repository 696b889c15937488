#pragma once

#include "common/Error.h"
#include "retention/RetentionPolicy.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace coffer::ui {

// The policy a retention preview uses: the workspace's configured policies as they are, or edited
// values (keep-last, hourly … yearly, keep-within, a size cap) for the whole repository.
class RetentionPolicyEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetentionPolicyEditor)

public:
    enum class Source { Configured, Custom };

    explicit RetentionPolicyEditor(QWidget *parent = nullptr);

    // The workspace's policies; the custom fields start from its default.
    void setConfigured(const RetentionPolicySet &configured);
    void setSource(Source source);
    Source source() const;
    // The configured set, or the edited policy as the repository default (in the configured
    // time zone); an error when keep-within does not parse.
    Result<RetentionPolicySet> policies() const;

    QSpinBox *keepLast() const { return m_keepLast; }
    QSpinBox *keepDaily() const { return m_keepDaily; }
    QLineEdit *keepWithin() const { return m_keepWithin; }
    QDoubleSpinBox *maxSizeGb() const { return m_maxSizeGb; }

Q_SIGNALS:
    void changed();

private:
    QSpinBox *addCount(const QString &objectName, const QString &label, int row, int column);
    void fillFrom(const RetentionPolicy &policy);
    void updateEnabled();

    RetentionPolicySet m_configured;
    QComboBox *m_source = nullptr;
    QSpinBox *m_keepLast = nullptr;
    QSpinBox *m_keepHourly = nullptr;
    QSpinBox *m_keepDaily = nullptr;
    QSpinBox *m_keepWeekly = nullptr;
    QSpinBox *m_keepMonthly = nullptr;
    QSpinBox *m_keepYearly = nullptr;
    QLineEdit *m_keepWithin = nullptr;
    QDoubleSpinBox *m_maxSizeGb = nullptr;
    QList<QWidget *> m_fields;
};

} // namespace coffer::ui
