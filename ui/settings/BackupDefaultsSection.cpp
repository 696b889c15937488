#include "settings/BackupDefaultsSection.h"

#include "backup/Codec.h"
#include "settings/SettingsWidgets.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {

// The levels checkLevel() accepts for `codec`, so the spin box never offers one it refuses.
std::pair<int, int> levelRange(Codec codec)
{
    int low = 0;
    while (low < 100 && !checkLevel(codec, low))
        ++low;
    int high = low;
    while (high < 100 && checkLevel(codec, high + 1))
        ++high;
    return { low, high };
}

} // namespace

BackupDefaultsSection::BackupDefaultsSection(QWidget *parent)
    : QWidget(parent)
    , m_codec(new QComboBox(this))
    , m_level(new QSpinBox(this))
    , m_range(hintLabel(QString(), this))
    , m_save(new QPushButton(tr("&Save"), this))
{
    m_codec->setObjectName(QStringLiteral("codecCombo"));
    m_codec->setAccessibleName(tr("Compression"));
    m_codec->addItem(tr("zstd (fast, small; the default)"), codecName(Codec::Zstd));
    m_codec->addItem(tr("gzip (for tools that only know gzip)"), codecName(Codec::Gzip));
    m_codec->addItem(tr("none (plain SQLite files)"), codecName(Codec::None));
    connect(m_codec, &QComboBox::currentIndexChanged, this, &BackupDefaultsSection::onCodecChanged);
    m_level->setObjectName(QStringLiteral("levelSpin"));
    m_level->setAccessibleName(tr("Compression level"));
    connect(m_level, &QSpinBox::valueChanged, this, &BackupDefaultsSection::updateButtons);
    m_range->setObjectName(QStringLiteral("levelRange"));
    m_save->setObjectName(QStringLiteral("saveDefaultsButton"));
    m_save->setAccessibleName(tr("Save the backup defaults"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Write them into the workspace file (Ctrl+S)"));
    connect(m_save, &QPushButton::clicked, this,
        [this] { Q_EMIT saveRequested(m_codec->currentData().toString(), m_level->value()); });

    auto *intro = new QLabel(tr("How new backups are compressed, unless a backup is told otherwise. Existing backups "
                                "keep the codec they were made with."),
        this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Compression:"), m_codec);
    form->addRow(tr("&Level:"), m_level);
    form->addRow(QString(), m_range);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_save, 0, Qt::AlignLeft);
    layout->addStretch(1);
    setDefaults(codecName(Codec::Zstd), defaultLevel(Codec::Zstd));
}

BackupDefaultsSection::~BackupDefaultsSection() = default;

void BackupDefaultsSection::setDefaults(const QString &codec, int level)
{
    m_savedCodec = codec;
    m_savedLevel = level;
    const int index = m_codec->findData(codec);
    m_codec->setCurrentIndex(index < 0 ? 0 : index);
    onCodecChanged();
    m_level->setValue(level);
    updateButtons();
}

void BackupDefaultsSection::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void BackupDefaultsSection::onCodecChanged()
{
    const Codec codec = codecFromName(m_codec->currentData().toString()).value_or(Codec::Zstd);
    const auto [low, high] = levelRange(codec);
    const bool outside = m_level->value() < low || m_level->value() > high;
    m_level->setRange(low, high);
    if (outside)
        m_level->setValue(defaultLevel(codec));
    m_level->setEnabled(low != high);
    m_range->setText(low == high ? tr("This codec has no levels.")
                                 : tr("From %1 (fastest) to %2 (smallest); %3 is the codec's default.")
                                       .arg(low)
                                       .arg(high)
                                       .arg(defaultLevel(codec)));
    updateButtons();
}

void BackupDefaultsSection::updateButtons()
{
    const bool changed = m_codec->currentData().toString() != m_savedCodec || m_level->value() != m_savedLevel;
    m_save->setEnabled(!m_busy && changed);
}

} // namespace coffer::ui
