// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"

#include <QByteArray>
#include <QString>

namespace Airgate {

/** @brief What a lint report says besides its diagnostics. */
struct LintSummary
{
    int documents = 0;
    int resources = 0;
    QString pathPrefix; ///< prepended to every file name (the --path given), may be empty
};

enum class ReportFormat { Unix, Json, Checkstyle, Sarif, JUnit };

/** Parses "unix", "json", "checkstyle", "sarif" or "junit". */
bool parseReportFormat(const QString &name, ReportFormat &out);

/**
 * Renders diagnostics: unix (`file:line:col: error|warning: message [rule]`), json
 * (`{"documents","resources","diagnostics":[…]}`), checkstyle XML, SARIF 2.1.0 or JUnit XML.
 * Info-level findings are kept in json and sarif only, unless @p includeInfo.
 */
QByteArray renderReport(const Diagnostics &diagnostics, const LintSummary &summary,
                        ReportFormat format, bool includeInfo = false);

} // namespace Airgate
