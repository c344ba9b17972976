// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/specs.h"
#include "yaml/yamlnode.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace Airgate::Console {

class WorkspaceModel;

/** @brief What a wizard adds: resources (file, document) and the one to select afterwards. */
struct WizardResult
{
    QList<QPair<QString, Yaml::NodePtr>> resources;
    QString select; ///< key of the main resource
    bool firstKey = false;
    QString keyTitle;
    QStringList notes; ///< said to the user afterwards
};

struct ApiParams
{
    QString name;
    QString ns;
    QString openApiFile; ///< optional; JSON or YAML
    QString host;
    QString pathPrefix;
    QString service;
    int port = 80;
    bool operationSetsFromTags = true;
    QString workspaceRoot; ///< where airgate.yaml is: its specs: paths are relative to it
};

struct AppParams
{
    QString name;
    QString ns;
    QString owner;
    bool firstKey = true;
    QString keyTitle;
};

struct PlanParams
{
    QString name;
    QString ns;
    QString title;
    int rateLimit = 0; ///< 0 = none
    QString ratePeriod = QStringLiteral("1s");
    int quota = 0; ///< 0 = none
    QString quotaPeriod = QStringLiteral("720h");
};

struct SubscriptionParams
{
    QString name;
    QString ns;
    QStringList applications; ///< ManagedApplication names (managedApplications)
    QStringList apis; ///< API names
    QString plan; ///< APIPlan name
};

struct PortalParams
{
    QString name;
    QString ns;
    QString title;
    QString url; ///< the public URL (trustedUrls, route host)
    QString issuerUrl;
    QString clientId;
};

/** The API, its IngressRoute and operation sets from the OpenAPI document's tags. */
WizardResult buildApi(const ApiParams &p, QString *error);
WizardResult buildApplication(const AppParams &p);
WizardResult buildPlan(const PlanParams &p);
/** Why the plan's periods would be refused (the CRD's duration format and ranges), or empty. */
QString planProblem(const PlanParams &p);
/** A ManagedSubscription giving applications access to APIs under a plan. */
WizardResult buildSubscription(const SubscriptionParams &p);
/** What the subscription lacks (a plan, an application, an API), or empty. */
QString subscriptionProblem(const SubscriptionParams &p);
/** The APIPortal, its APIPortalAuth, the OIDC client Secret (client id only) and the route. */
WizardResult buildPortal(const PortalParams &p);

/** Operation sets as YAML (`spec.openApiSpec.operationSets`); see
 * OpenApi::operationSetsByTag() for how they are made. */
Yaml::NodePtr operationSetsNode(const QList<OperationSet> &sets);

// The dialogs: nullopt when cancelled.
/** The document is looked for in @p workspaceRoot first. */
std::optional<WizardResult> runApiWizard(QWidget *parent, const QString &ns,
                                         const QString &workspaceRoot = {});
std::optional<WizardResult> runApplicationWizard(QWidget *parent, const QString &ns);
std::optional<WizardResult> runPlanWizard(QWidget *parent, const QString &ns);
std::optional<WizardResult> runPortalWizard(QWidget *parent, const QString &ns);
/** Applications, APIs and plans are picked from @p model's resources in the namespace. */
std::optional<WizardResult> runSubscriptionWizard(QWidget *parent, const QString &ns,
                                                  const WorkspaceModel *model);

} // namespace Airgate::Console
