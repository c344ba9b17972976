// SPDX-License-Identifier: Apache-2.0
#include "cliargs.h"

#include "gitops/dumpreader.h"
#include "gitops/importer.h"
#include "model/workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace Airgate::Cli {

namespace {

/** Every dump file under a folder (YAML and JSON), read whole before anything is written. */
Result<GitOps::Dump> readDumpFolder(const QString &dir)
{
    const QDir root(dir);
    QStringList paths;
    QDirIterator it(root.absolutePath(),
                    {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString rel = root.relativeFilePath(it.next());
        QString why;
        // JSON files are dumps too (`kubectl get -o json`); otherwise a folder reads as a
        // workspace.
        const QString yamlName = rel.endsWith(QLatin1StringView(".json"))
            ? rel.chopped(5) + QStringLiteral(".yaml")
            : rel;
        if (Workspace::isManifestPath(yamlName, &why))
            paths << rel;
    }
    std::sort(paths.begin(), paths.end());
    GitOps::Dump all;
    for (const QString &rel : paths) {
        auto d = GitOps::readDumpFile(root.filePath(rel));
        if (!d)
            return d.error();
        for (auto &o : d->objects)
            all.objects.push_back(std::move(o));
        all.notes << d->notes;
    }
    return all;
}

} // namespace

int importCommand(Args &args)
{
    const auto from = args.take(QStringLiteral("--from"));
    const auto path = args.take(QStringLiteral("--path"));
    const QString layoutName
        = args.take(QStringLiteral("--layout")).value_or(QStringLiteral("namespaces"));
    GitOps::ImportOptions options;
    options.force = args.flag(QStringLiteral("--force"));
    options.preferLastApplied = args.flag(QStringLiteral("--prefer-last-applied"));
    const bool dryRun = args.flag(QStringLiteral("--dry-run"));
    if (auto e = args.error()) {
        err() << "airgatectl import: " << *e << '\n';
        return ExitUsage;
    }
    if (auto u = args.unknownOption()) {
        err() << "airgatectl import: unknown option " << *u << '\n';
        return ExitUsage;
    }
    if (!from || !path) {
        err() << "airgatectl import: --from FILE|DIR|- and --path DIR are required\n";
        return ExitUsage;
    }
    if (!GitOps::parseImportLayout(layoutName, options.layout)) {
        err() << "airgatectl import: unknown layout \"" << layoutName << "\" (namespaces, kinds)\n";
        return ExitUsage;
    }
    const bool isDir = *from != QLatin1StringView("-") && QFileInfo(*from).isDir();
    auto dump = isDir ? readDumpFolder(*from) : GitOps::readDumpFile(*from);
    if (!dump) {
        err() << "airgatectl import: " << dump.error().message << "\nnothing was written\n";
        return ExitUsage;
    }
    for (const QString &n : dump->notes)
        err() << n << '\n';
    auto plan = GitOps::planImport(*dump, *path, options);
    if (!plan) {
        err() << "airgatectl import: " << plan.error().message << '\n';
        return ExitUsage;
    }
    for (const QString &s : plan->skipped)
        err() << "skipped: " << s << '\n';
    for (const QString &w : plan->warnings)
        err() << "warning: " << w << '\n';
    if (!plan->conflicts.isEmpty()) {
        for (const QString &c : plan->conflicts)
            err() << "conflict: " << c << '\n';
        err() << "airgatectl import: refused: " << plan->conflicts.size()
              << " resources differ from the workspace's (replace them with --force); nothing "
                 "was written\n";
        return ExitFindings;
    }
    if (!dryRun) {
        const Status st = GitOps::applyImport(*plan, *path);
        if (!st) {
            err() << "airgatectl import: " << st.error().message << '\n';
            return ExitUsage;
        }
    }
    for (const QString &f : plan->createdFiles)
        err() << (dryRun ? "would create " : "created ") << f << '\n';
    for (const QString &f : plan->updatedFiles)
        err() << (dryRun ? "would update " : "updated ") << f << '\n';
    err() << (dryRun ? "would import " : "imported ") << (plan->added + plan->replaced)
          << " resources into " << *path << ": " << plan->added << " added, " << plan->replaced
          << " replaced, " << plan->unchanged << " unchanged, " << plan->skipped.size()
          << " skipped";
    if (options.preferLastApplied)
        err() << ", " << plan->fromLastApplied << " from their last-applied configuration";
    err() << '\n';
    return ExitOk;
}

} // namespace Airgate::Cli
