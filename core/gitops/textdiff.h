// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace Airgate::GitOps {

/** @brief One line of a line diff: kept, removed from the old text or added by the new one. */
struct LineEdit
{
    enum class Op : char { Keep = ' ', Remove = '-', Add = '+' };
    Op op = Op::Keep;
    int oldLine = 0; ///< 1-based line in the old text (Keep, Remove)
    int newLine = 0; ///< 1-based line in the new text (Keep, Add)
};

/// Beyond this many differing lines the diff stops looking for a shortest edit script and reports
/// the rest as removed then added (Myers' algorithm costs O(D²) memory).
inline constexpr int kMaxDiffDistance = 20000;

/** A shortest line edit script from @p before to @p after (Myers 1986), lines split at '\n'. */
QList<LineEdit> diffLines(QByteArrayView before, QByteArrayView after);

/**
 * A unified diff (`diff -u` format, @p context lines around each change) of two texts, with
 * `--- labelBefore` / `+++ labelAfter` headers; empty when the texts are equal. A last line
 * without a newline is marked `\ No newline at end of file`, as GNU diff does.
 */
QByteArray unifiedDiff(QByteArrayView before, QByteArrayView after, const QByteArray &labelBefore,
                       const QByteArray &labelAfter, int context = 3);

/** The number of lines a unified diff removes and adds. */
struct DiffStat
{
    int removed = 0;
    int added = 0;
};
DiffStat diffStat(QByteArrayView before, QByteArrayView after);

} // namespace Airgate::GitOps
