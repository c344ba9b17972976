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
/** The APIPortal, its APIPortalAuth, the OIDC client Secret (client id only) and the route. */
WizardResult buildPortal(const PortalParams &p);

/** Operation sets as YAML (`spec.openApiSpec.operationSets`); see
 * OpenApi::operationSetsByTag() for how they are made. */
Yaml::NodePtr operationSetsNode(const QList<OperationSet> &sets);

// The dialogs: nullopt when cancelled.
std::optional<WizardResult> runApiWizard(QWidget *parent, const QString &ns);
std::optional<WizardResult> runApplicationWizard(QWidget *parent, const QString &ns);
std::optional<WizardResult> runPlanWizard(QWidget *parent, const QString &ns);
std::optional<WizardResult> runPortalWizard(QWidget *parent, const QString &ns);

} // namespace Airgate::Console
