#include "catalog/CatalogFilterBar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

#include <vector>

namespace coffer::ui {

namespace {

// How long typing may pause before the text filters: one pass over 100,000 rows per word, not per key.
constexpr int kTypingDelayMs = 200;

QComboBox *makeCombo(const QString &name, const QString &accessibleName, const QString &all, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(name);
    combo->setAccessibleName(accessibleName);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(8);
    combo->addItem(all, QString());
    return combo;
}

// Makes `value` the combo's current choice, adding it when the rows do not have it (yet).
void select(QComboBox *combo, const QString &value)
{
    int index = value.isEmpty() ? 0 : combo->findData(value);
    if (index < 0) {
        combo->addItem(value, value);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

void fill(QComboBox *combo, const QStringList &values)
{
    const QString current = combo->currentData().toString();
    const QSignalBlocker blocker(combo);
    while (combo->count() > 1)
        combo->removeItem(1);
    for (const QString &value : values)
        combo->addItem(value, value);
    select(combo, current);
}

QDateEdit *makeDateEdit(const QString &name, const QString &accessibleName, const QDate &date, QWidget *parent)
{
    auto *edit = new QDateEdit(date, parent);
    edit->setObjectName(name);
    edit->setAccessibleName(accessibleName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setEnabled(false);
    return edit;
}

QCheckBox *makeCheck(const QString &name, const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *check = new QCheckBox(text, parent);
    check->setObjectName(name);
    check->setToolTip(toolTip);
    return check;
}

} // namespace

CatalogFilterBar::CatalogFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_database(makeCombo(QStringLiteral("databaseFilter"), tr("Database"), tr("All databases"), this))
    , m_group(makeCombo(QStringLiteral("groupFilter"), tr("Group"), tr("All groups"), this))
    , m_trigger(makeCombo(QStringLiteral("triggerFilter"), tr("Trigger"), tr("All triggers"), this))
    , m_verification(new QComboBox(this))
    , m_drill(new QComboBox(this))
    , m_fromCheck(
          makeCheck(QStringLiteral("fromCheck"), tr("From"), tr("Only backups made on or after this day"), this))
    , m_from(makeDateEdit(QStringLiteral("fromDate"), tr("Made on or after"), QDate::currentDate().addDays(-7), this))
    , m_toCheck(makeCheck(QStringLiteral("toCheck"), tr("To"), tr("Only backups made on or before this day"), this))
    , m_to(makeDateEdit(QStringLiteral("toDate"), tr("Made on or before"), QDate::currentDate(), this))
    , m_text(new QLineEdit(this))
    , m_clear(new QPushButton(tr("Clear filters"), this))
    , m_typing(new QTimer(this))
{
    setObjectName(QStringLiteral("catalogFilterBar"));

    m_verification->setObjectName(QStringLiteral("verificationFilter"));
    m_verification->setAccessibleName(tr("Verification"));
    m_verification->addItem(tr("Any verification"), int(BackupFilter::Verification::Any));
    m_verification->addItem(tr("Passed"), int(BackupFilter::Verification::Passed));
    m_verification->addItem(tr("Failed"), int(BackupFilter::Verification::Failed));
    m_verification->addItem(tr("Never verified"), int(BackupFilter::Verification::Never));

    m_drill->setObjectName(QStringLiteral("drillFilter"));
    m_drill->setAccessibleName(tr("Restore drill"));
    m_drill->addItem(tr("Any drill"), int(BackupFilter::Verification::Any));
    m_drill->addItem(tr("Drill passed"), int(BackupFilter::Verification::Passed));
    m_drill->addItem(tr("Drill failed"), int(BackupFilter::Verification::Failed));
    m_drill->addItem(tr("Never drilled"), int(BackupFilter::Verification::Never));

    m_text->setObjectName(QStringLiteral("filterEdit"));
    m_text->setPlaceholderText(tr("Filter by database, ID, tag, group or repository"));
    m_text->setAccessibleName(tr("Filter backups"));
    m_text->setClearButtonEnabled(true);
    m_text->setMinimumWidth(120);

    m_clear->setObjectName(QStringLiteral("clearFilters"));
    m_clear->setAccessibleName(tr("Clear filters"));
    m_clear->setEnabled(false);

    m_typing->setSingleShot(true);
    m_typing->setInterval(kTypingDelayMs);

    // Two rows, so the page still fits a window 800 pixels wide.
    m_choices = new QHBoxLayout;
    for (QComboBox *combo : { m_database, m_group, m_trigger, m_verification })
        m_choices->addWidget(combo);
    m_choices->addStretch(1);
    auto *range = new QHBoxLayout;
    for (QWidget *widget : std::initializer_list<QWidget *>{ m_drill, m_fromCheck, m_from, m_toCheck, m_to })
        range->addWidget(widget);
    range->addWidget(m_text, 1);
    range->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(m_choices);
    layout->addLayout(range);

    for (QComboBox *combo : { m_database, m_group, m_trigger, m_verification, m_drill })
        connect(combo, &QComboBox::currentIndexChanged, this, &CatalogFilterBar::onChanged);
    for (QCheckBox *check : { m_fromCheck, m_toCheck })
        connect(check, &QCheckBox::toggled, this, [this] {
            updateDateEdits();
            onChanged();
        });
    for (QDateEdit *edit : { m_from, m_to })
        connect(edit, &QDateEdit::dateChanged, this, &CatalogFilterBar::onChanged);
    connect(m_text, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, &CatalogFilterBar::onChanged);
    connect(m_clear, &QPushButton::clicked, this, [this] { setFilter({}); });
}

CatalogFilterBar::~CatalogFilterBar() = default;

BackupFilter CatalogFilterBar::filter() const
{
    BackupFilter filter;
    filter.database = m_database->currentData().toString();
    filter.group = m_group->currentData().toString();
    filter.trigger = m_trigger->currentData().toString();
    filter.verification = BackupFilter::Verification(m_verification->currentData().toInt());
    filter.drill = BackupFilter::Verification(m_drill->currentData().toInt());
    if (m_fromCheck->isChecked())
        filter.from = m_from->date();
    if (m_toCheck->isChecked())
        filter.to = m_to->date();
    filter.text = m_text->text().trimmed();
    return filter;
}

void CatalogFilterBar::setFilter(const BackupFilter &filter)
{
    {
        const QList<QWidget *> widgets{ m_database, m_group, m_trigger, m_verification, m_drill, m_fromCheck, m_from,
            m_toCheck, m_to, m_text };
        std::vector<QSignalBlocker> blockers;
        blockers.reserve(widgets.size());
        for (QWidget *widget : widgets)
            blockers.emplace_back(widget);
        select(m_database, filter.database);
        select(m_group, filter.group);
        select(m_trigger, filter.trigger);
        m_verification->setCurrentIndex(qMax(0, m_verification->findData(int(filter.verification))));
        m_drill->setCurrentIndex(qMax(0, m_drill->findData(int(filter.drill))));
        m_fromCheck->setChecked(filter.from.isValid());
        if (filter.from.isValid())
            m_from->setDate(filter.from);
        m_toCheck->setChecked(filter.to.isValid());
        if (filter.to.isValid())
            m_to->setDate(filter.to);
        m_text->setText(filter.text);
    }
    updateDateEdits();
    onChanged();
}

void CatalogFilterBar::setChoices(const QStringList &databases, const QStringList &groups, const QStringList &triggers)
{
    fill(m_database, databases);
    fill(m_group, groups);
    fill(m_trigger, triggers);
}

void CatalogFilterBar::addTrailingWidget(QWidget *widget)
{
    m_choices->addWidget(widget);
}

void CatalogFilterBar::focusText()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

void CatalogFilterBar::onChanged()
{
    m_typing->stop();
    m_clear->setEnabled(!filter().isEmpty());
    Q_EMIT filterChanged();
}

void CatalogFilterBar::updateDateEdits()
{
    m_from->setEnabled(m_fromCheck->isChecked());
    m_to->setEnabled(m_toCheck->isChecked());
}

} // namespace coffer::ui
