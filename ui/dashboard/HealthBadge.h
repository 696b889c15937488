#pragma once

#include "health/DatabaseHealth.h"

#include <QWidget>

namespace coffer::ui {

// A database's health at a glance: a coloured dot and the word for it ("Healthy", "Needs
// attention", "At risk"); the reasons are its tooltip and accessible description. The word is in
// the palette's text colour and the dot's colour follows the palette's lightness, so both read
// well in light and dark themes.
class HealthBadge final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthBadge)

public:
    explicit HealthBadge(QWidget *parent = nullptr);
    ~HealthBadge() override;

    void setHealth(HealthLevel level, const QString &word, const QString &reasons);
    HealthLevel level() const { return m_level; }
    QString word() const { return m_word; }
    // The dot's colour for `level` on `palette`: deeper shades on light windows, brighter on dark.
    static QColor colorFor(HealthLevel level, const QPalette &palette);
    QColor color() const { return colorFor(m_level, palette()); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int dotDiameter() const;

    HealthLevel m_level = HealthLevel::Red;
    QString m_word;
};

} // namespace coffer::ui
