#include "dashboard/DatabaseCard.h"

#include "DisplayFormat.h"
#include "catalog/DrillFormat.h"
#include "dashboard/DatabaseStatusModel.h"
#include "dashboard/HealthBadge.h"
#include "dashboard/SizeSparkline.h"

#include <QAction>
#include <QGridLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QStringList>
#include <QToolButton>

namespace coffer::ui {

namespace {

QLabel *makeLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    // Long names are cut rather than widening the card past its column; the tooltip has them whole.
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return label;
}

QLabel *makeCaption(const QString &text, QWidget *parent)
{
    auto *caption = new QLabel(text, parent);
    caption->setForegroundRole(QPalette::PlaceholderText);
    return caption;
}

} // namespace

DatabaseCard::DatabaseCard(QWidget *parent)
    : QFrame(parent)
    , m_name(makeLabel(QStringLiteral("cardName"), this))
    , m_group(makeLabel(QStringLiteral("cardGroup"), this))
    , m_lastBackup(makeLabel(QStringLiteral("cardLastBackup"), this))
    , m_nextBackup(makeLabel(QStringLiteral("cardNextBackup"), this))
    , m_verification(makeLabel(QStringLiteral("cardVerification"), this))
    , m_drillCaption(makeCaption(tr("Last drill"), this))
    , m_drill(makeLabel(QStringLiteral("cardDrill"), this))
    , m_badge(new HealthBadge(this))
    , m_sparkline(new SizeSparkline(this))
    , m_restore(new QToolButton(this))
{
    setObjectName(QStringLiteral("databaseCard"));
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setAttribute(Qt::WA_Hover);
    // As tall as the tallest card of its row: the grid gives every card of a row one height.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);

    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.2);
    m_name->setFont(nameFont);
    m_group->setForegroundRole(QPalette::PlaceholderText);
    m_verification->setWordWrap(true); // the names of failed checks can be long
    m_drill->setWordWrap(true);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setHorizontalSpacing(10);
    layout->setVerticalSpacing(4);
    layout->addWidget(m_name, 0, 0, 1, 2);
    layout->addWidget(m_badge, 0, 2, Qt::AlignRight | Qt::AlignVCenter);
    layout->addWidget(m_group, 1, 0, 1, 3);
    layout->addWidget(makeCaption(tr("Last backup"), this), 2, 0);
    layout->addWidget(m_lastBackup, 2, 1, 1, 2);
    layout->addWidget(makeCaption(tr("Schedule"), this), 3, 0);
    layout->addWidget(m_nextBackup, 3, 1, 1, 2);
    layout->addWidget(makeCaption(tr("Verification"), this), 4, 0);
    layout->addWidget(m_verification, 4, 1, 1, 2);
    layout->addWidget(m_drillCaption, 5, 0);
    layout->addWidget(m_drill, 5, 1, 1, 2);
    layout->addWidget(makeCaption(tr("Size"), this), 6, 0);
    layout->addWidget(m_sparkline, 6, 1, 1, 2);
    layout->addWidget(m_restore, 8, 0, 1, 3, Qt::AlignRight);
    layout->setColumnStretch(1, 1);
    layout->setRowStretch(7, 1); // a card stretched to its row's height keeps its lines together at the top

    m_restore->setObjectName(QStringLiteral("cardRestoreButton"));
    m_restore->setText(tr("Restore…")); // no mnemonic: every card has one
    m_restore->setIcon(QIcon(QStringLiteral(":/icons/restore.svg")));
    m_restore->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_restore->setAutoRaise(true);
    m_restore->hide(); // until the card shows a database with a backup
    auto *show = new QAction(QIcon(QStringLiteral(":/icons/catalog.svg")), tr("&Show Backups"), this);
    auto *restore = new QAction(QIcon(QStringLiteral(":/icons/restore.svg")), tr("&Restore…"), this);
    restore->setObjectName(QStringLiteral("cardRestoreAction"));
    addActions({ show, restore });
    setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(show, &QAction::triggered, this, [this] {
        if (!m_database.isEmpty())
            Q_EMIT activated(m_database);
    });
    connect(restore, &QAction::triggered, this, [this] {
        if (!m_database.isEmpty())
            Q_EMIT restoreRequested(m_database);
    });
    connect(m_restore, &QToolButton::clicked, restore, &QAction::trigger);
}

DatabaseCard::~DatabaseCard() = default;

void DatabaseCard::showStatus(const DatabaseStatusModel &model, int row)
{
    const DatabaseStatus *status = model.statusAt(row);
    const DatabaseHealth *health = model.healthAt(row);
    if (!status || !health)
        return;
    const QModelIndex index = model.index(row);
    const QString reasons = index.data(DatabaseStatusModel::HealthReasonRole).toString();
    const QString word = index.data(DatabaseStatusModel::HealthWordRole).toString();
    m_database = status->name;

    m_name->setText(status->name);
    m_name->setToolTip(status->name);
    m_group->setText(status->group.isEmpty() ? tr("No group") : tr("Group: %1").arg(status->group));
    m_lastBackup->setText(index.data(DatabaseStatusModel::LastBackupRole).toString());
    m_lastBackup->setToolTip(status->newestCreated.isValid()
            ? tr("%1\nBackup %2 in repository “%3”, one of %n backup(s)", nullptr, status->backupCount)
                  .arg(DisplayFormat::localTime(status->newestCreated), status->newestBackupId.left(8),
                      status->newestRepository)
            : QString());
    const QString nextBackup = index.data(DatabaseStatusModel::NextBackupRole).toString();
    m_nextBackup->setText(nextBackup);
    const QDateTime next = model.nextBackup(*status);
    QString nextTip;
    if (!next.isValid())
        nextTip = tr("The workspace schedules no backups of %1.").arg(status->name);
    else if (model.isBackupDue(*status))
        nextTip = tr("Backups %1: one is due now.").arg(status->backupSchedule);
    else
        nextTip
            = tr("Backups %1: the next one is due at %2.").arg(status->backupSchedule, DisplayFormat::localTime(next));
    // The scheduler's own words say why, a retry after a failed backup in particular.
    if (next.isValid() && !status->nextBackupReason.isEmpty())
        nextTip += QLatin1Char('\n') + status->nextBackupReason;
    m_nextBackup->setToolTip(nextTip);
    m_verification->setText(index.data(DatabaseStatusModel::VerificationRole).toString());
    m_verification->setToolTip(
        status->newestCreated.isValid() ? DisplayFormat::verificationDetail(status->verification) : QString());
    const QString drill = index.data(DatabaseStatusModel::DrillRole).toString();
    m_drill->setText(drill);
    m_drill->setToolTip(status->lastDrill
            ? tr("Backup %1.\n%2").arg(status->lastDrill->backupId.left(8), DrillFormat::detail(status->lastDrill))
            : tr("Restore drills are scheduled %1.").arg(status->drillSchedule));
    m_drill->setVisible(!drill.isEmpty());
    m_drillCaption->setVisible(!drill.isEmpty());
    m_badge->setHealth(health->level(), word, reasons);
    m_sparkline->setPoints(status->trend);
    const bool restorable = status->newestCreated.isValid();
    m_restore->setVisible(restorable);
    m_restore->setAccessibleName(tr("Restore %1").arg(status->name));
    m_restore->setToolTip(tr("Open the restore wizard with the latest verified backup of %1").arg(status->name));
    actions().constLast()->setEnabled(restorable);

    setToolTip(reasons);
    setAccessibleName(tr("%1: %2").arg(status->name, word));
    // What a screen reader says of the card: its health, then the schedule and drill lines it shows.
    QStringList description;
    if (!reasons.isEmpty())
        description << reasons;
    description << tr("Schedule: %1").arg(nextBackup);
    if (!drill.isEmpty())
        description << tr("Last drill: %1").arg(drill);
    setAccessibleDescription(description.join(QLatin1Char('\n')));
}

void DatabaseCard::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const bool focused = hasFocus();
    const bool hovered = underMouse();
    const qreal width = focused ? 2.0 : 1.0;
    const QRectF frame = QRectF(rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2);
    painter.setPen(QPen(palette().color(focused || hovered ? QPalette::Highlight : QPalette::Mid), width));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRoundedRect(frame, 6, 6);
}

void DatabaseCard::mousePressEvent(QMouseEvent *event)
{
    m_pressed = event->button() == Qt::LeftButton;
    if (m_pressed)
        setFocus(Qt::MouseFocusReason);
    event->accept();
}

void DatabaseCard::mouseReleaseEvent(QMouseEvent *event)
{
    const bool clicked = m_pressed && event->button() == Qt::LeftButton && rect().contains(event->position().toPoint());
    m_pressed = false;
    event->accept();
    if (clicked && !m_database.isEmpty())
        Q_EMIT activated(m_database);
}

void DatabaseCard::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (!m_database.isEmpty())
            Q_EMIT activated(m_database);
        event->accept();
        return;
    default:
        QFrame::keyPressEvent(event);
    }
}

void DatabaseCard::focusInEvent(QFocusEvent *event)
{
    QFrame::focusInEvent(event);
    update();
}

void DatabaseCard::focusOutEvent(QFocusEvent *event)
{
    QFrame::focusOutEvent(event);
    update();
}

} // namespace coffer::ui
