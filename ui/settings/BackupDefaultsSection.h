#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace coffer::ui {

// The Backup Defaults tab: the codec and level new backups use, the level limited to the range
// the codec accepts.
class BackupDefaultsSection final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupDefaultsSection)

public:
    explicit BackupDefaultsSection(QWidget *parent = nullptr);
    ~BackupDefaultsSection() override;

    // What the workspace says now.
    void setDefaults(const QString &codec, int level);
    void setBusy(bool busy);

Q_SIGNALS:
    void saveRequested(const QString &codec, int level);

private:
    void onCodecChanged();
    void updateButtons();

    QComboBox *m_codec = nullptr;
    QSpinBox *m_level = nullptr;
    QLabel *m_range = nullptr;
    QPushButton *m_save = nullptr;
    QString m_savedCodec;
    int m_savedLevel = 0;
    bool m_busy = false;
};

} // namespace coffer::ui
