#include "storage/RetentionPolicyEditor.h"

#include "storage/RetentionPreview.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>

namespace coffer::ui {

namespace {

std::optional<int> countOf(const QSpinBox *box)
{
    return box->value() > 0 ? std::optional(box->value()) : std::nullopt;
}

} // namespace

RetentionPolicyEditor::RetentionPolicyEditor(QWidget *parent)
    : QWidget(parent)
    , m_source(new QComboBox(this))
{
    setObjectName(QStringLiteral("retentionPolicyEditor"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);

    m_source->setObjectName(QStringLiteral("policySource"));
    m_source->setAccessibleName(tr("Retention policy"));
    m_source->addItem(tr("Configured in the workspace"));
    m_source->addItem(tr("Custom (whole repository)"));
    auto *sourceLabel = new QLabel(tr("&Policy:"), this);
    sourceLabel->setBuddy(m_source);
    grid->addWidget(sourceLabel, 0, 0);
    grid->addWidget(m_source, 0, 1, 1, 3);

    m_keepLast = addCount(QStringLiteral("keepLast"), tr("Keep &last:"), 1, 0);
    m_keepHourly = addCount(QStringLiteral("keepHourly"), tr("&Hourly:"), 1, 2);
    m_keepDaily = addCount(QStringLiteral("keepDaily"), tr("&Daily:"), 1, 4);
    m_keepWeekly = addCount(QStringLiteral("keepWeekly"), tr("&Weekly:"), 2, 0);
    m_keepMonthly = addCount(QStringLiteral("keepMonthly"), tr("&Monthly:"), 2, 2);
    m_keepYearly = addCount(QStringLiteral("keepYearly"), tr("&Yearly:"), 2, 4);

    m_keepWithin = new QLineEdit(this);
    m_keepWithin->setObjectName(QStringLiteral("keepWithin"));
    m_keepWithin->setAccessibleName(tr("Keep everything younger than"));
    m_keepWithin->setPlaceholderText(tr("e.g. 30d, 6m, 1y"));
    auto *withinLabel = new QLabel(tr("Keep wi&thin:"), this);
    withinLabel->setBuddy(m_keepWithin);
    grid->addWidget(withinLabel, 3, 0);
    grid->addWidget(m_keepWithin, 3, 1);
    m_maxSizeGb = new QDoubleSpinBox(this);
    m_maxSizeGb->setObjectName(QStringLiteral("maxSizeGb"));
    m_maxSizeGb->setAccessibleName(tr("Size limit in GB"));
    m_maxSizeGb->setRange(0, 1e6);
    m_maxSizeGb->setDecimals(3);
    m_maxSizeGb->setSuffix(tr(" GB"));
    m_maxSizeGb->setSpecialValueText(tr("no limit"));
    auto *sizeLabel = new QLabel(tr("Si&ze limit:"), this);
    sizeLabel->setBuddy(m_maxSizeGb);
    grid->addWidget(sizeLabel, 3, 2);
    grid->addWidget(m_maxSizeGb, 3, 3);
    grid->setColumnStretch(6, 1);
    m_fields << m_keepWithin << m_maxSizeGb;

    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        if (source() == Source::Configured)
            fillFrom(m_configured.repositoryDefault);
        updateEnabled();
        Q_EMIT changed();
    });
    connect(m_keepWithin, &QLineEdit::editingFinished, this, &RetentionPolicyEditor::changed);
    connect(m_maxSizeGb, &QDoubleSpinBox::valueChanged, this, &RetentionPolicyEditor::changed);
    updateEnabled();
}

QSpinBox *RetentionPolicyEditor::addCount(const QString &objectName, const QString &label, int row, int column)
{
    auto *box = new QSpinBox(this);
    box->setObjectName(objectName);
    box->setRange(0, 100000);
    box->setSpecialValueText(tr("off"));
    auto *caption = new QLabel(label, this);
    caption->setBuddy(box);
    box->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    auto *grid = static_cast<QGridLayout *>(layout());
    grid->addWidget(caption, row, column);
    grid->addWidget(box, row, column + 1);
    connect(box, &QSpinBox::valueChanged, this, &RetentionPolicyEditor::changed);
    m_fields << box;
    return box;
}

void RetentionPolicyEditor::setConfigured(const RetentionPolicySet &configured)
{
    m_configured = configured;
    if (source() == Source::Configured || configured.isEmpty()) {
        QSignalBlocker blocker(this);
        fillFrom(configured.repositoryDefault);
    }
    updateEnabled();
}

void RetentionPolicyEditor::setSource(Source source)
{
    m_source->setCurrentIndex(source == Source::Configured ? 0 : 1);
}

RetentionPolicyEditor::Source RetentionPolicyEditor::source() const
{
    return m_source->currentIndex() == 0 ? Source::Configured : Source::Custom;
}

void RetentionPolicyEditor::fillFrom(const RetentionPolicy &policy)
{
    const QSignalBlocker blocker(this);
    m_keepLast->setValue(policy.keepLast.value_or(policy.retainCount.value_or(0)));
    m_keepHourly->setValue(policy.keepHourly.value_or(0));
    m_keepDaily->setValue(policy.keepDaily.value_or(0));
    m_keepWeekly->setValue(policy.keepWeekly.value_or(0));
    m_keepMonthly->setValue(policy.keepMonthly.value_or(0));
    m_keepYearly->setValue(policy.keepYearly.value_or(0));
    m_keepWithin->setText(policy.keepWithin ? policy.keepWithin->toString()
            : policy.retentionDays          ? QStringLiteral("%1d").arg(*policy.retentionDays)
                                            : QString());
    m_maxSizeGb->setValue(policy.maxSizeGb.value_or(0.0));
}

void RetentionPolicyEditor::updateEnabled()
{
    const bool custom = source() == Source::Custom;
    for (QWidget *field : std::as_const(m_fields))
        field->setEnabled(custom);
}

Result<RetentionPolicySet> RetentionPolicyEditor::policies() const
{
    if (source() == Source::Configured)
        return m_configured;
    RetentionPolicy policy;
    policy.keepLast = countOf(m_keepLast);
    policy.keepHourly = countOf(m_keepHourly);
    policy.keepDaily = countOf(m_keepDaily);
    policy.keepWeekly = countOf(m_keepWeekly);
    policy.keepMonthly = countOf(m_keepMonthly);
    policy.keepYearly = countOf(m_keepYearly);
    const QString within = m_keepWithin->text().trimmed();
    if (!within.isEmpty()) {
        auto duration = RetentionDuration::parse(within);
        if (!duration)
            return std::unexpected(duration.error());
        policy.keepWithin = *duration;
    }
    if (m_maxSizeGb->value() > 0)
        policy.maxSizeGb = m_maxSizeGb->value();
    policy.minCount = m_configured.repositoryDefault.minCount;
    return RetentionPreview::single(policy, m_configured.timeZone);
}

} // namespace coffer::ui
