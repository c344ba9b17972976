// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "model/workspace.h"

#include <QSet>
#include <QString>

#include <functional>

namespace Airgate {

/** @brief What to check: offline rules on or off, and rules switched off by name. */
struct ValidationOptions
{
    bool offline = false; ///< also run the offline-* rules (`lint --offline`)
    QSet<QString> disabledRules; ///< `--rule.NAME=false`
    /// When set, receives each rule's name and its run time in microseconds (`lint --timings`).
    std::function<void(const QString &rule, qint64 micros)> timing;
};

class RuleContext;

/** @brief A named validation rule, switchable like `hub-static-analyzer lint --rule.<name>=false`.
 */
struct RuleInfo
{
    QString name;
    QString description;
    bool offlineOnly = false;
    std::function<void(RuleContext &)> run;
};

/**
 * @brief Validates a workspace as the cluster (schema, CEL, object metadata) and Traefik's
 * static analyzer would, plus the offline-mode checks; every finding is a Diagnostic with
 * file:line:col, the resource, the field and the rule's name.
 */
class Validator
{
public:
    /** Every rule in the order they run. */
    static const QList<RuleInfo> &rules();
    static bool isRule(const QString &name);

    static Diagnostics validate(const Workspace &workspace, const ValidationOptions &options = {});
};

/** @brief What a rule sees: the workspace, the options, and where to report. */
class RuleContext
{
public:
    RuleContext(const Workspace &ws, const ValidationOptions &options, const QString &rule,
                Diagnostics &out)
        : workspace(ws)
        , options(options)
        , m_rule(rule)
        , m_out(out)
    {
    }

    const Workspace &workspace;
    const ValidationOptions &options;

    /** Reports on @p r at @p field (its mark is looked up), in the rule's name. */
    void report(Diagnostic::Severity severity, const Resource &r, const QString &field,
                const QString &message, const QString &hint = {});
    void error(const Resource &r, const QString &field, const QString &message,
               const QString &hint = {})
    {
        report(Diagnostic::Severity::Error, r, field, message, hint);
    }
    void warning(const Resource &r, const QString &field, const QString &message,
                 const QString &hint = {})
    {
        report(Diagnostic::Severity::Warning, r, field, message, hint);
    }
    void info(const Resource &r, const QString &field, const QString &message,
              const QString &hint = {})
    {
        report(Diagnostic::Severity::Info, r, field, message, hint);
    }
    void add(Diagnostic d);
    const QString &rule() const { return m_rule; }

private:
    QString m_rule;
    Diagnostics &m_out;
};

// Rule entry points (one file per family).
void runResourceRule(RuleContext &ctx);
void runReferenceRule(RuleContext &ctx);
void runDuplicateRule(RuleContext &ctx);
void runOrphanRule(RuleContext &ctx);
void runChildlessRule(RuleContext &ctx);
void runOperationSetRule(RuleContext &ctx);
void runRegexRule(RuleContext &ctx);
void runOpenApiRule(RuleContext &ctx);
/** Absolute paths of the workspace's OpenAPI documents: files that say so, and airgate.yaml's
 * `mock:` and `specs:` files. */
QStringList openApiDocumentPaths(const Workspace &ws);
void runReleaseRule(RuleContext &ctx);
void runSelectorRule(RuleContext &ctx);
void runRouteRule(RuleContext &ctx);
void runDeprecatedRule(RuleContext &ctx);
void runOfflineAuthRule(RuleContext &ctx);
void runOfflinePortalAuthRule(RuleContext &ctx);
void runOfflineSyncedAttributesRule(RuleContext &ctx);
void runOfflineNetworkRule(RuleContext &ctx);
void runOfflineKeyDigestRule(RuleContext &ctx);
void runOfflineClientSecretRule(RuleContext &ctx);

/** The resource rule for one resource alone (schema, CEL, metadata), for live editing. */
Diagnostics validateResourceSchema(const Resource &resource);

} // namespace Airgate
