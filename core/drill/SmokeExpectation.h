#pragma once

#include "common/Error.h"

#include <QMap>
#include <QString>
#include <QVariant>

namespace coffer {

// What a smoke query's first column must say (the workspace's `expect:`): nothing written means
// the query must return a row; otherwise a comparison with a number ("> 0", ">= 1", "= 42",
// "!= 0", "< 5", "<= 5") or with the row count the backup's manifest recorded for a table
// ("= manifest(users)"; the other operators work with manifest(...) too). A number alone means
// "= number", and "==" is read as "=".
struct SmokeExpectation {
    enum class Comparison { AnyRow, Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual };

    Comparison comparison = Comparison::AnyRow;
    QVariant number; // qint64 or double: the number written (unless manifestTable is set)
    QString manifestTable; // manifest(TABLE): the manifest's row count of TABLE

    bool needsRowOnly() const { return comparison == Comparison::AnyRow; }
    // As a person would write it: "> 0", "= manifest(users)", "" for AnyRow.
    QString text() const;
    // The manifest's row count of manifestTable (a table name matches case-insensitively, as in
    // SQLite); an invalid QVariant when the manifest records no such table.
    QVariant expectedFrom(const QMap<QString, qint64> &rowCounts) const;
    // Whether `found` (a qint64, a double, or text holding a number) compares with `expected`
    // (number, or expectedFrom()) as asked. Integers compare exactly; anything else as doubles.
    // False for a value that is not a number.
    bool holds(const QVariant &found, const QVariant &expected) const;
    // Whether holds() can compare `value`: a qint64, a double, or text holding a number.
    static bool isNumber(const QVariant &value);
};

// Parses an `expect:` text (surrounding blanks ignored; empty: AnyRow). InvalidArgument with a
// message that lists the accepted forms; the workspace parser reports it with the query's place.
Result<SmokeExpectation> parseExpectation(const QString &text);

} // namespace coffer
