// SPDX-License-Identifier: Apache-2.0
#include "diagnostic.h"

#include <algorithm>
#include <tuple>

namespace Airgate {

QString Diagnostic::severityName(Severity s)
{
    switch (s) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return QStringLiteral("error");
}

void sortDiagnostics(Diagnostics &diagnostics)
{
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) {
                         return std::tie(a.file, a.line, a.column, a.rule, a.message)
                             < std::tie(b.file, b.line, b.column, b.rule, b.message);
                     });
}

} // namespace Airgate
