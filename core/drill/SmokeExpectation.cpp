#include "drill/SmokeExpectation.h"

#include <QRegularExpression>

#include <array>
#include <utility>

namespace coffer {

namespace {

using Comparison = SmokeExpectation::Comparison;

// Longest first, so that ">=" is not read as ">" followed by "=...".
constexpr std::array<std::pair<const char *, Comparison>, 6> kOperators{ {
    { ">=", Comparison::GreaterOrEqual },
    { "<=", Comparison::LessOrEqual },
    { "!=", Comparison::NotEqual },
    { "=", Comparison::Equal },
    { ">", Comparison::Greater },
    { "<", Comparison::Less },
} };

QString operatorText(Comparison comparison)
{
    for (const auto &[text, op] : kOperators)
        if (op == comparison)
            return QString::fromLatin1(text);
    return {};
}

// A number as written in an expectation or returned as text: an integer when it is one.
QVariant numberFrom(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$"));
    const QString trimmed = text.trimmed();
    if (!number.match(trimmed).hasMatch())
        return {};
    bool ok = false;
    const qint64 integer = trimmed.toLongLong(&ok);
    if (ok)
        return QVariant::fromValue(integer);
    const double real = trimmed.toDouble(&ok);
    return ok ? QVariant::fromValue(real) : QVariant();
}

QVariant asNumber(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
        return QVariant::fromValue(value.toLongLong());
    case QMetaType::Double:
        return value;
    case QMetaType::QString:
        return numberFrom(value.toString());
    default:
        return {};
    }
}

// -1, 0, 1; integers exactly (counts beyond 2^53 stay exact), anything else as doubles.
int order(const QVariant &a, const QVariant &b)
{
    if (a.typeId() == QMetaType::LongLong && b.typeId() == QMetaType::LongLong) {
        const qint64 x = a.toLongLong();
        const qint64 y = b.toLongLong();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    const double x = a.toDouble();
    const double y = b.toDouble();
    return x < y ? -1 : (x > y ? 1 : 0);
}

} // namespace

QString SmokeExpectation::text() const
{
    if (comparison == Comparison::AnyRow)
        return {};
    const QString operand
        = manifestTable.isEmpty() ? number.toString() : QStringLiteral("manifest(%1)").arg(manifestTable);
    return operatorText(comparison) + QLatin1Char(' ') + operand;
}

QVariant SmokeExpectation::expectedFrom(const QMap<QString, qint64> &rowCounts) const
{
    if (manifestTable.isEmpty())
        return number;
    if (auto it = rowCounts.constFind(manifestTable); it != rowCounts.constEnd())
        return QVariant::fromValue(it.value());
    for (auto it = rowCounts.constBegin(); it != rowCounts.constEnd(); ++it)
        if (it.key().compare(manifestTable, Qt::CaseInsensitive) == 0)
            return QVariant::fromValue(it.value());
    return {};
}

bool SmokeExpectation::holds(const QVariant &found, const QVariant &expected) const
{
    if (comparison == Comparison::AnyRow)
        return true;
    const QVariant a = asNumber(found);
    const QVariant b = asNumber(expected);
    if (!a.isValid() || !b.isValid())
        return false;
    const int o = order(a, b);
    switch (comparison) {
    case Comparison::Equal:
        return o == 0;
    case Comparison::NotEqual:
        return o != 0;
    case Comparison::Less:
        return o < 0;
    case Comparison::LessOrEqual:
        return o <= 0;
    case Comparison::Greater:
        return o > 0;
    case Comparison::GreaterOrEqual:
        return o >= 0;
    case Comparison::AnyRow:
        break;
    }
    return true;
}

bool SmokeExpectation::isNumber(const QVariant &value)
{
    return asNumber(value).isValid();
}

Result<SmokeExpectation> parseExpectation(const QString &text)
{
    SmokeExpectation expectation;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return expectation;
    const auto invalid = [&text]() {
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("'%1' is not a smoke query expectation: write a comparison with a number (> 0, >= 1, = 42, "
                           "!= 0, < 5, <= 5) or with the manifest's row count of a table (= manifest(users)), "
                           "or leave it out to require a row")
                .arg(text));
    };
    // A number alone means "equal to it"; "==" is "=" (what people coming from C write).
    QString operand;
    if (const QVariant alone = numberFrom(trimmed); alone.isValid()) {
        expectation.comparison = Comparison::Equal;
        operand = trimmed;
    } else {
        const QString normal = trimmed.startsWith(QLatin1String("==")) ? trimmed.mid(1) : trimmed;
        for (const auto &[op, comparison] : kOperators) {
            if (normal.startsWith(QLatin1String(op))) {
                expectation.comparison = comparison;
                operand = normal.mid(qsizetype(qstrlen(op))).trimmed();
                break;
            }
        }
    }
    if (expectation.comparison == Comparison::AnyRow || operand.isEmpty())
        return invalid();
    static const QRegularExpression manifest(
        QStringLiteral("^manifest\\s*\\(\\s*([^()\\s](?:[^()]*[^()\\s])?)\\s*\\)$"),
        QRegularExpression::CaseInsensitiveOption);
    if (const auto match = manifest.match(operand); match.hasMatch()) {
        expectation.manifestTable = match.captured(1);
        return expectation;
    }
    expectation.number = numberFrom(operand);
    if (!expectation.number.isValid())
        return invalid();
    return expectation;
}

} // namespace coffer
