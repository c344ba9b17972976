// SPDX-License-Identifier: Apache-2.0
#include "cliargs.h"

#include "export/exporter.h"
#include "model/workspace.h"
#include "validation/reportformat.h"
#include "validation/validator.h"

namespace Airgate::Cli {

int exportCommand(Args &args)
{
    const auto path = args.take(QStringLiteral("--path"));
    const auto outDir = args.take(QStringLiteral("--out"));
    const QString layoutName
        = args.take(QStringLiteral("--layout")).value_or(QStringLiteral("bundle"));
    const bool force = args.flag(QStringLiteral("--force"));
    ValidationOptions options;
    options.offline = args.flag(QStringLiteral("--offline"));
    if (auto e = args.error()) {
        err() << "airgatectl export: " << *e << '\n';
        return ExitUsage;
    }
    if (auto u = args.unknownOption()) {
        err() << "airgatectl export: unknown option " << *u << '\n';
        return ExitUsage;
    }
    if (!path || !outDir) {
        err() << "airgatectl export: --path DIR and --out DIR are required\n";
        return ExitUsage;
    }
    ExportLayout layout;
    if (!parseExportLayout(layoutName, layout)) {
        err() << "airgatectl export: unknown layout \"" << layoutName
              << "\" (bundle, namespaces, kustomize)\n";
        return ExitUsage;
    }
    auto ws = Workspace::load(*path);
    if (!ws) {
        err() << "airgatectl export: " << ws.error().message << '\n';
        return ExitUsage;
    }
    Diagnostics errors;
    for (const Diagnostic &d : Validator::validate(*ws, options))
        if (d.isError())
            errors << d;
    if (!errors.isEmpty()) {
        LintSummary summary;
        summary.pathPrefix = *path;
        err() << QString::fromUtf8(renderReport(errors, summary, ReportFormat::Unix));
        if (!force) {
            err() << "airgatectl export: refused: lint found " << errors.size()
                  << " errors (fix them, or export anyway with --force)\n";
            return ExitFindings;
        }
        err() << "airgatectl export: exporting despite " << errors.size() << " errors (--force)\n";
    }
    const Status st = Exporter::write(*ws, layout, *outDir);
    if (!st) {
        err() << "airgatectl export: " << st.error().message << '\n';
        return ExitUsage;
    }
    err() << "exported " << ws->resources().size() << " resources to " << *outDir << " ("
          << layoutName << ")\n";
    return ExitOk;
}

} // namespace Airgate::Cli
