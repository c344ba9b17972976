// SPDX-License-Identifier: Apache-2.0
#include "cliargs.h"

#include "model/workspace.h"
#include "schema/schema.h"
#include "validation/reportformat.h"
#include "validation/validator.h"

#include <QElapsedTimer>
#include <QFile>

namespace Airgate::Cli {

namespace {

/** Parses `--rule.NAME=false|true`; @return an error text for unknown names or values. */
std::optional<QString> readRuleSwitches(const QStringList &switches, ValidationOptions &options)
{
    for (const QString &s : switches) {
        const QString body = s.mid(QStringLiteral("--rule.").size());
        const QString name = body.section(u'=', 0, 0);
        const QString value = body.contains(u'=') ? body.section(u'=', 1) : QStringLiteral("true");
        if (!Validator::isRule(name)) {
            QStringList names;
            for (const RuleInfo &r : Validator::rules())
                names << r.name;
            return QStringLiteral("unknown rule \"%1\" (rules: %2)")
                .arg(name, names.join(QStringLiteral(", ")));
        }
        if (value == QLatin1StringView("false"))
            options.disabledRules.insert(name);
        else if (value == QLatin1StringView("true"))
            options.disabledRules.remove(name);
        else
            return QStringLiteral("--rule.%1 takes true or false, not \"%2\"").arg(name, value);
    }
    return std::nullopt;
}

} // namespace

int lintCommand(Args &args)
{
    const QString path = args.take(QStringLiteral("--path")).value_or(QStringLiteral("."));
    const QString formatName
        = args.take(QStringLiteral("--format")).value_or(QStringLiteral("unix"));
    const QString outFile
        = args.take(QStringLiteral("--output"), QStringLiteral("-o")).value_or(QString());
    ValidationOptions options;
    options.offline = args.flag(QStringLiteral("--offline"));
    const bool verbose = args.flag(QStringLiteral("--verbose"));
    const bool timings = args.flag(QStringLiteral("--timings"));
    if (timings)
        options.timing = [](const QString &rule, qint64 micros) {
            err() << "timing: " << rule << ' ' << QString::number(micros / 1000.0, 'f', 1)
                  << " ms\n";
        };
    if (auto e = readRuleSwitches(args.takePrefixed(QStringLiteral("--rule.")), options)) {
        err() << "airgatectl lint: " << *e << '\n';
        return ExitUsage;
    }
    if (auto e = args.error()) {
        err() << "airgatectl lint: " << *e << '\n';
        return ExitUsage;
    }
    if (auto u = args.unknownOption()) {
        err() << "airgatectl lint: unknown option " << *u << '\n';
        return ExitUsage;
    }
    ReportFormat format;
    if (!parseReportFormat(formatName, format)) {
        err() << "airgatectl lint: unknown format \"" << formatName
              << "\" (unix, json, checkstyle, sarif, junit)\n";
        return ExitUsage;
    }
    QElapsedTimer loadTimer;
    loadTimer.start();
    Workspace::LoadOptions loadOptions;
    if (timings)
        loadOptions.timing = [](const char *phase, qint64 micros) {
            err() << "timing: " << phase << ' ' << QString::number(micros / 1000.0, 'f', 1)
                  << " ms\n";
        };
    auto ws = Workspace::load(path, loadOptions);
    if (!ws) {
        err() << "airgatectl lint: " << ws.error().message << '\n';
        return ExitUsage;
    }
    if (timings) {
        err() << "timing: load " << QString::number(loadTimer.nsecsElapsed() / 1e6, 'f', 1)
              << " ms\n";
        QElapsedTimer schemaTimer;
        schemaTimer.start();
        Schema::Registry::builtin();
        err() << "timing: schemas " << QString::number(schemaTimer.nsecsElapsed() / 1e6, 'f', 1)
              << " ms\n";
    }
    const Diagnostics diagnostics = Validator::validate(*ws, options);
    LintSummary summary;
    summary.documents = ws->documentCount();
    summary.resources = static_cast<int>(ws->resources().size());
    summary.pathPrefix = path == QLatin1StringView(".") ? QString() : path;
    const QByteArray report = renderReport(diagnostics, summary, format, verbose);
    if (outFile.isEmpty() || outFile == QLatin1StringView("-")) {
        out() << QString::fromUtf8(report);
        out().flush();
    } else {
        QFile f(outFile);
        if (!f.open(QIODevice::WriteOnly) || f.write(report) != report.size()) {
            err() << "airgatectl lint: cannot write " << outFile << '\n';
            return ExitUsage;
        }
    }
    int errors = 0;
    int warnings = 0;
    for (const Diagnostic &d : diagnostics) {
        errors += d.severity == Diagnostic::Severity::Error;
        warnings += d.severity == Diagnostic::Severity::Warning;
    }
    if (format == ReportFormat::Unix) {
        // API descriptions are not manifests: say once what was left out, and why.
        QStringList roots;
        int parts = 0;
        for (int i : ws->documentFiles()) {
            const WorkspaceFile &f = ws->files()[static_cast<size_t>(i)];
            if (f.documentOf.startsWith(QLatin1StringView("referenced by ")))
                ++parts;
            else
                roots << QStringLiteral("%1 (%2)").arg(f.relPath, f.documentOf);
        }
        if (!roots.isEmpty() || parts > 0) {
            err() << "info: not linted as manifests: " << roots.join(QStringLiteral(", "));
            if (parts > 0)
                err() << (roots.isEmpty() ? "" : ", ") << parts
                      << (parts == 1 ? " file they refer to" : " files they refer to");
            err() << '\n';
        }
        err() << summary.documents << " documents, " << summary.resources
              << " resources: " << errors << " errors, " << warnings << " warnings\n";
    }
    return errors > 0 ? ExitFindings : ExitOk;
}

} // namespace Airgate::Cli
