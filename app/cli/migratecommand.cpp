// SPDX-License-Identifier: Apache-2.0
#include "cliargs.h"

#include "gitops/migration.h"
#include "model/workspace.h"
#include "validation/reportformat.h"
#include "validation/validator.h"

namespace Airgate::Cli {

namespace {

void printCatalogue()
{
    for (const GitOps::MigrationInfo &m : GitOps::migrationCatalogue())
        out() << m.id << '\t' << m.kind << '\t' << m.from << " -> " << m.to << '\t'
              << (m.automatic ? "automatic" : "needs a decision") << '\t' << m.source << '\n';
}

} // namespace

int migrateCommand(Args &args)
{
    const QString path = args.take(QStringLiteral("--path")).value_or(QStringLiteral("."));
    const bool write = args.flag(QStringLiteral("--write"));
    const bool list = args.flag(QStringLiteral("--list"));
    GitOps::MigrationOptions options;
    options.offline = args.flag(QStringLiteral("--offline"));
    if (auto e = args.error()) {
        err() << "airgatectl migrate: " << *e << '\n';
        return ExitUsage;
    }
    if (auto u = args.unknownOption()) {
        err() << "airgatectl migrate: unknown option " << *u << '\n';
        return ExitUsage;
    }
    if (list) {
        printCatalogue();
        return ExitOk;
    }
    auto ws = Workspace::load(path);
    if (!ws) {
        err() << "airgatectl migrate: " << ws.error().message << '\n';
        return ExitUsage;
    }
    const GitOps::MigrationPlan plan = GitOps::planMigration(*ws, options);
    const QString prefix = path == QLatin1StringView(".") ? QString() : path + u'/';
    if (!write) {
        out() << QString::fromUtf8(plan.unifiedDiff());
        out().flush();
    }
    for (const GitOps::MigrationFinding &f : plan.findings) {
        if (f.automatic)
            continue;
        err() << prefix << f.file << ':' << f.mark.line << ':' << f.mark.column
              << ": needs a decision: " << f.resource() << ": " << f.message << " [" << f.id
              << "]\n";
    }
    const int automatic = plan.automaticCount();
    const int manual = plan.manualCount();
    if (!write) {
        err() << automatic << (automatic == 1 ? " migration" : " migrations") << " in "
              << plan.after.size() << (plan.after.size() == 1 ? " file" : " files") << ", "
              << manual << " to decide" << (automatic > 0 ? "; --write applies them" : "") << '\n';
        return ExitOk;
    }
    if (Status st = GitOps::writeMigration(plan, ws->root()); !st) {
        err() << "airgatectl migrate: " << st.error().message << '\n';
        return ExitUsage;
    }
    for (auto it = plan.after.cbegin(); it != plan.after.cend(); ++it) {
        int n = 0;
        for (const GitOps::MigrationFinding &f : plan.findings)
            n += f.automatic && f.file == it.key();
        err() << "migrated " << prefix << it.key() << " (" << n << (n == 1 ? " change" : " changes")
              << ")\n";
    }
    err() << automatic << (automatic == 1 ? " migration" : " migrations") << " written, " << manual
          << " to decide\n";

    // Then lint what is on disk now.
    auto after = Workspace::load(path);
    if (!after) {
        err() << "airgatectl migrate: " << after.error().message << '\n';
        return ExitUsage;
    }
    ValidationOptions lintOptions;
    lintOptions.offline = options.offline;
    const Diagnostics diagnostics = Validator::validate(*after, lintOptions);
    LintSummary summary;
    summary.documents = after->documentCount();
    summary.resources = int(after->resources().size());
    summary.pathPrefix = path == QLatin1StringView(".") ? QString() : path;
    out() << QString::fromUtf8(renderReport(diagnostics, summary, ReportFormat::Unix, false));
    out().flush();
    int errors = 0;
    int warnings = 0;
    for (const Diagnostic &d : diagnostics) {
        errors += d.severity == Diagnostic::Severity::Error;
        warnings += d.severity == Diagnostic::Severity::Warning;
    }
    err() << "lint: " << summary.documents << " documents, " << summary.resources
          << " resources: " << errors << " errors, " << warnings << " warnings\n";
    return errors > 0 ? ExitFindings : ExitOk;
}

} // namespace Airgate::Cli
