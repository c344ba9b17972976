// SPDX-License-Identifier: Apache-2.0
#include "textdiff.h"

#include <algorithm>
#include <vector>

namespace Airgate::GitOps {

namespace {

std::vector<QByteArrayView> splitLines(QByteArrayView text)
{
    std::vector<QByteArrayView> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype nl = text.indexOf('\n', start);
        if (nl < 0) {
            lines.push_back(text.sliced(start));
            break;
        }
        lines.push_back(text.sliced(start, nl + 1 - start)); // with its '\n'
        start = nl + 1;
    }
    return lines;
}

QList<LineEdit> myers(const std::vector<QByteArrayView> &a, const std::vector<QByteArrayView> &b)
{
    const int n = static_cast<int>(a.size());
    const int m = static_cast<int>(b.size());
    const int max = std::min(n + m, kMaxDiffDistance);
    const int offset = max + 1;
    std::vector<int> v(static_cast<size_t>(2 * max + 3), 0);
    std::vector<std::vector<int>> trace;
    int found = -1;
    for (int d = 0; d <= max && found < 0; ++d) {
        trace.push_back(v);
        for (int k = -d; k <= d; k += 2) {
            int x;
            if (k == -d
                || (k != d
                    && v[static_cast<size_t>(offset + k - 1)]
                        < v[static_cast<size_t>(offset + k + 1)]))
                x = v[static_cast<size_t>(offset + k + 1)];
            else
                x = v[static_cast<size_t>(offset + k - 1)] + 1;
            int y = x - k;
            while (x < n && y < m && a[static_cast<size_t>(x)] == b[static_cast<size_t>(y)]) {
                ++x;
                ++y;
            }
            v[static_cast<size_t>(offset + k)] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    QList<LineEdit> edits;
    if (found < 0) {
        // Too far apart to be worth a shortest script: everything old goes, everything new comes.
        for (int i = 0; i < n; ++i)
            edits.append({LineEdit::Op::Remove, i + 1, 0});
        for (int j = 0; j < m; ++j)
            edits.append({LineEdit::Op::Add, 0, j + 1});
        return edits;
    }
    // Walk the trace back from (n, m).
    int x = n;
    int y = m;
    for (int d = found; d > 0; --d) {
        const std::vector<int> &vd = trace[static_cast<size_t>(d)];
        const int k = x - y;
        int prevK;
        if (k == -d
            || (k != d
                && vd[static_cast<size_t>(offset + k - 1)]
                    < vd[static_cast<size_t>(offset + k + 1)]))
            prevK = k + 1;
        else
            prevK = k - 1;
        const int prevX = vd[static_cast<size_t>(offset + prevK)];
        const int prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            edits.append({LineEdit::Op::Keep, x, y});
            --x;
            --y;
        }
        if (x == prevX)
            edits.append({LineEdit::Op::Add, 0, y});
        else
            edits.append({LineEdit::Op::Remove, x, 0});
        x = prevX;
        y = prevY;
    }
    while (x > 0 && y > 0) {
        edits.append({LineEdit::Op::Keep, x, y});
        --x;
        --y;
    }
    std::reverse(edits.begin(), edits.end());
    return edits;
}

void appendLine(QByteArray &out, char op, QByteArrayView line)
{
    out += op;
    out += line;
    if (!line.endsWith('\n'))
        out += "\n\\ No newline at end of file\n";
}

} // namespace

QList<LineEdit> diffLines(QByteArrayView before, QByteArrayView after)
{
    return myers(splitLines(before), splitLines(after));
}

QByteArray unifiedDiff(QByteArrayView before, QByteArrayView after, const QByteArray &labelBefore,
                       const QByteArray &labelAfter, int context)
{
    if (before == after)
        return {};
    const auto a = splitLines(before);
    const auto b = splitLines(after);
    const QList<LineEdit> edits = myers(a, b);
    QByteArray out = "--- " + labelBefore + "\n+++ " + labelAfter + '\n';
    const qsizetype count = edits.size();
    qsizetype i = 0;
    while (i < count) {
        // The next change, then the hunk around it: changes closer than 2×context merge.
        while (i < count && edits[i].op == LineEdit::Op::Keep)
            ++i;
        if (i >= count)
            break;
        qsizetype start = std::max<qsizetype>(0, i - context);
        qsizetype end = i;
        qsizetype lastChange = i;
        while (end < count) {
            if (edits[end].op != LineEdit::Op::Keep)
                lastChange = end;
            else if (end - lastChange > 2 * context)
                break;
            ++end;
        }
        end = std::min(count, lastChange + context + 1);
        int oldStart = 0;
        int newStart = 0;
        int oldCount = 0;
        int newCount = 0;
        // Line numbers of the hunk's first line on each side (the line before it when empty).
        int oldBefore = 0;
        int newBefore = 0;
        for (qsizetype j = 0; j < start; ++j) {
            if (edits[j].op != LineEdit::Op::Add)
                oldBefore = edits[j].oldLine;
            if (edits[j].op != LineEdit::Op::Remove)
                newBefore = edits[j].newLine;
        }
        QByteArray body;
        for (qsizetype j = start; j < end; ++j) {
            const LineEdit &e = edits[j];
            switch (e.op) {
            case LineEdit::Op::Keep:
                appendLine(body, ' ', a[static_cast<size_t>(e.oldLine - 1)]);
                ++oldCount;
                ++newCount;
                break;
            case LineEdit::Op::Remove:
                appendLine(body, '-', a[static_cast<size_t>(e.oldLine - 1)]);
                ++oldCount;
                break;
            case LineEdit::Op::Add:
                appendLine(body, '+', b[static_cast<size_t>(e.newLine - 1)]);
                ++newCount;
                break;
            }
        }
        oldStart = oldCount ? oldBefore + 1 : oldBefore;
        newStart = newCount ? newBefore + 1 : newBefore;
        auto range = [](int startLine, int n) {
            return n == 1 ? QByteArray::number(startLine)
                          : QByteArray::number(startLine) + ',' + QByteArray::number(n);
        };
        out += "@@ -" + range(oldStart, oldCount) + " +" + range(newStart, newCount) + " @@\n";
        out += body;
        i = end;
    }
    return out;
}

DiffStat diffStat(QByteArrayView before, QByteArrayView after)
{
    DiffStat s;
    for (const LineEdit &e : diffLines(before, after)) {
        s.removed += e.op == LineEdit::Op::Remove;
        s.added += e.op == LineEdit::Op::Add;
    }
    return s;
}

} // namespace Airgate::GitOps
