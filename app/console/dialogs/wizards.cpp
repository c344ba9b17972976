// SPDX-License-Identifier: Apache-2.0
#include "wizards.h"

#include "consoletr.h"
#include "model/kind.h"
#include "model/workspace.h"
#include "models/templates.h"
#include "models/workspacemodel.h"
#include "openapi/operationsets.h"
#include "schema/formats.h"
#include "yaml/nodepath.h"
#include "yaml/yamlparser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMap>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>

#include <functional>
#include <optional>

namespace Airgate::Console {

namespace {

Yaml::NodePtr str(const QString &s)
{
    return Yaml::Node::makeString(s.toStdString());
}

Yaml::NodePtr set(Yaml::NodePtr root, const QString &path, Yaml::NodePtr v)
{
    return Yaml::Path::set(root, path, std::move(v));
}

QString dnsLabel(QString s)
{
    s = s.toLower();
    s.replace(QRegularExpression(QStringLiteral("[^a-z0-9-]+")), QStringLiteral("-"));
    s.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    return s.left(63);
}

} // namespace

Yaml::NodePtr operationSetsNode(const QList<OperationSet> &sets)
{
    auto out = Yaml::Node::makeSequence();
    for (const OperationSet &s : sets) {
        auto set = Yaml::Node::makeMap();
        set->set("name", str(s.name));
        auto matchers = Yaml::Node::makeSequence();
        for (const OperationMatcher &m : s.matchers) {
            auto node = Yaml::Node::makeMap();
            if (!m.path.isEmpty())
                node->set("path", str(m.path));
            if (!m.pathRegex.isEmpty())
                node->set("pathRegex", str(m.pathRegex));
            auto ms = Yaml::Node::makeSequence();
            for (const QString &meth : m.methods)
                ms->items.push_back(str(meth));
            node->set("methods", ms);
            matchers->items.push_back(node);
        }
        set->set("matchers", matchers);
        out->items.push_back(set);
    }
    return out;
}

WizardResult buildApi(const ApiParams &p, QString *error)
{
    WizardResult out;
    const QString file = defaultFileFor(Kind::API, p.name);
    Yaml::NodePtr api = newResource(Kind::API, p.ns, p.name);
    if (!p.openApiFile.isEmpty()) {
        // The loader the gateway, the portal and lint use: 2.0 and 3.x, JSON and YAML, split
        // files; references may not leave the document's folder.
        auto doc = OpenApi::Document::load(p.openApiFile);
        if (!doc) {
            if (error)
                *error = Tr::tr("%1 is not an OpenAPI document: %2")
                             .arg(p.openApiFile, doc.error().message);
            return {};
        }
        const QJsonObject info = (*doc)->root().value(QStringLiteral("info")).toObject();
        if (info.contains(QStringLiteral("title")))
            api = set(api, QStringLiteral("spec.title"),
                      str(info.value(QStringLiteral("title")).toString()));
        if (info.contains(QStringLiteral("description")))
            api = set(api, QStringLiteral("spec.description"),
                      str(info.value(QStringLiteral("description")).toString()));
        if (p.operationSetsFromTags) {
            const QList<OperationSet> sets = OpenApi::operationSetsByTag(**doc, &out.notes);
            if (!sets.isEmpty())
                api = set(api, QStringLiteral("spec.openApiSpec.operationSets"),
                          operationSetsNode(sets));
        }
        for (const OpenApi::Problem &problem : (*doc)->problems())
            if (problem.severity == OpenApi::Problem::Severity::Error)
                out.notes << problem.toString();
        // Hub fetches the document from the service at this path (openApiSpec needs path or url).
        api = set(api, QStringLiteral("spec.openApiSpec.path"),
                  str(u'/' + QFileInfo(p.openApiFile).fileName()));
        // airgate.yaml's specs: paths are relative to the workspace folder and stay in it.
        const QString abs = QFileInfo(p.openApiFile).absoluteFilePath();
        const QString root = p.workspaceRoot.isEmpty()
            ? QString()
            : QFileInfo(p.workspaceRoot).absoluteFilePath() + u'/';
        if (!root.isEmpty() && abs.startsWith(root))
            out.notes << Tr::tr("Serve the document locally by adding “%1/%2: %3” under specs: "
                                "in airgate.yaml.")
                             .arg(p.ns, p.name, abs.mid(root.size()));
        else
            out.notes << Tr::tr("Serve the document locally: copy it to specs/%3 in the "
                                "workspace and add “%1/%2: specs/%3” under specs: in "
                                "airgate.yaml.")
                             .arg(p.ns, p.name, QFileInfo(p.openApiFile).fileName());
    }
    out.resources.append({file, api});

    Yaml::NodePtr route = newResource(Kind::IngressRoute, p.ns, p.name);
    route = set(route, QStringLiteral("metadata.annotations[hub.traefik.io/api]"), str(p.name));
    QString match = QStringLiteral("Host(`%1`)")
                        .arg(p.host.isEmpty() ? p.name + QStringLiteral(".example.com") : p.host);
    if (!p.pathPrefix.isEmpty() && p.pathPrefix != u'/')
        match += QStringLiteral(" && PathPrefix(`%1`)").arg(p.pathPrefix);
    route = set(route, QStringLiteral("spec.routes[0].match"), str(match));
    route = set(route, QStringLiteral("spec.routes[0].services[0].name"),
                str(p.service.isEmpty() ? p.name : p.service));
    route = set(route, QStringLiteral("spec.routes[0].services[0].port"),
                Yaml::Node::makeInt(p.port));
    out.resources.append({file, route});
    out.select = resourceKey(Kind::API, p.ns, p.name);
    return out;
}

WizardResult buildApplication(const AppParams &p)
{
    WizardResult out;
    Yaml::NodePtr app = newResource(Kind::ManagedApplication, p.ns, p.name);
    app = set(app, QStringLiteral("spec.owner"), str(p.owner.isEmpty() ? p.name : p.owner));
    out.resources.append({defaultFileFor(Kind::ManagedApplication, p.name), app});
    out.select = resourceKey(Kind::ManagedApplication, p.ns, p.name);
    out.firstKey = p.firstKey;
    out.keyTitle = p.keyTitle;
    return out;
}

WizardResult buildPlan(const PlanParams &p)
{
    WizardResult out;
    Yaml::NodePtr plan = newResource(Kind::APIPlan, p.ns, p.name);
    plan = set(plan, QStringLiteral("spec.title"), str(p.title.isEmpty() ? p.name : p.title));
    plan = Yaml::Path::remove(plan, QStringLiteral("spec.rateLimit"));
    if (p.rateLimit > 0) {
        plan = set(plan, QStringLiteral("spec.rateLimit.limit"), Yaml::Node::makeInt(p.rateLimit));
        plan = set(plan, QStringLiteral("spec.rateLimit.period"), str(p.ratePeriod));
    }
    if (p.quota > 0) {
        plan = set(plan, QStringLiteral("spec.quota.limit"), Yaml::Node::makeInt(p.quota));
        plan = set(plan, QStringLiteral("spec.quota.period"), str(p.quotaPeriod));
    }
    out.resources.append({defaultFileFor(Kind::APIPlan, p.name), plan});
    out.select = resourceKey(Kind::APIPlan, p.ns, p.name);
    return out;
}

namespace {

/** A `format: duration` value as the API server reads it, within the CRD rule's range. */
QString periodProblem(const QString &what, const QString &value, qint64 maxHours)
{
    const auto ns = Formats::parseKubernetesDuration(value.trimmed().toStdString());
    if (!ns)
        return Tr::tr("%1 “%2” is not a duration: write it like 1s, 30m, 1h or 720h.")
            .arg(what, value);
    constexpr qint64 kSecond = 1000000000;
    if (*ns < kSecond || *ns > maxHours * 3600 * kSecond)
        return Tr::tr("%1 must be between 1s and %2h (it is %3).")
            .arg(what)
            .arg(maxHours)
            .arg(value);
    return {};
}

} // namespace

QString planProblem(const PlanParams &p)
{
    // The APIPlan CRD: rateLimit.period between 1s and 1h, quota.period between 1s and 9999h.
    if (p.rateLimit > 0)
        if (QString why = periodProblem(Tr::tr("The rate period"), p.ratePeriod, 1); !why.isEmpty())
            return why;
    if (p.quota > 0)
        if (QString why = periodProblem(Tr::tr("The quota period"), p.quotaPeriod, 9999);
            !why.isEmpty())
            return why;
    return {};
}

QString subscriptionProblem(const SubscriptionParams &p)
{
    if (p.plan.isEmpty())
        return Tr::tr("Choose the plan the subscription grants (create one with Resource ▸ New "
                      "plan).");
    if (p.applications.isEmpty())
        return Tr::tr("Choose at least one application to subscribe.");
    if (p.apis.isEmpty())
        return Tr::tr("Choose at least one API the applications get.");
    return {};
}

WizardResult buildSubscription(const SubscriptionParams &p)
{
    WizardResult out;
    Yaml::NodePtr sub = newResource(Kind::ManagedSubscription, p.ns, p.name);
    auto refs = [](const QStringList &names) {
        auto list = Yaml::Node::makeSequence();
        for (const QString &n : names) {
            auto item = Yaml::Node::makeMap();
            item->set("name", str(n));
            list->items.push_back(item);
        }
        return list;
    };
    sub = set(sub, QStringLiteral("spec.managedApplications"), refs(p.applications));
    sub = set(sub, QStringLiteral("spec.apis"), refs(p.apis));
    sub = set(sub, QStringLiteral("spec.apiPlan.name"), str(p.plan));
    out.resources.append({defaultFileFor(Kind::ManagedSubscription, p.name), sub});
    out.select = resourceKey(Kind::ManagedSubscription, p.ns, p.name);
    return out;
}

WizardResult buildPortal(const PortalParams &p)
{
    WizardResult out;
    const QString file = defaultFileFor(Kind::APIPortal, p.name);
    const QString authName = p.name + QStringLiteral("-auth");
    const QString secretName = p.name + QStringLiteral("-oidc");
    const QString url = p.url.isEmpty() ? QStringLiteral("https://portal.example.com") : p.url;

    Yaml::NodePtr auth = newResource(Kind::APIPortalAuth, p.ns, authName);
    auth = set(auth, QStringLiteral("spec.oidc.issuerUrl"), str(p.issuerUrl));
    auth = set(auth, QStringLiteral("spec.oidc.secretName"), str(secretName));
    auto scopes = Yaml::Node::makeSequence();
    for (const char *s : {"openid", "profile", "email"})
        scopes->items.push_back(Yaml::Node::makeString(s));
    auth = set(auth, QStringLiteral("spec.oidc.scopes"), scopes);
    auth = set(auth, QStringLiteral("spec.oidc.claims.userId"), str(QStringLiteral("sub")));
    auth = set(auth, QStringLiteral("spec.oidc.claims.email"), str(QStringLiteral("email")));

    Yaml::NodePtr secret = newResource(Kind::Secret, p.ns, secretName);
    secret = set(secret, QStringLiteral("stringData[clientId]"), str(p.clientId));
    // A placeholder, never the real secret: it is set on the cluster.
    secret = set(secret, QStringLiteral("stringData[clientSecret]"),
                 str(QStringLiteral("<set on the cluster; never committed>")));

    Yaml::NodePtr portal = newResource(Kind::APIPortal, p.ns, p.name);
    portal = set(portal, QStringLiteral("spec.title"), str(p.title.isEmpty() ? p.name : p.title));
    auto urls = Yaml::Node::makeSequence();
    urls->items.push_back(str(url));
    portal = set(portal, QStringLiteral("spec.trustedUrls"), urls);
    portal = set(portal, QStringLiteral("spec.auth.name"), str(authName));

    Yaml::NodePtr route = newResource(Kind::IngressRoute, p.ns, p.name);
    route = set(route, QStringLiteral("metadata.annotations[hub.traefik.io/api-portal]"),
                str(p.name + u'@' + p.ns));
    const QString host = QUrl(url).host();
    route = set(route, QStringLiteral("spec.routes[0].match"),
                str(QStringLiteral("Host(`%1`)").arg(host)));
    route = set(route, QStringLiteral("spec.routes[0].services[0].name"),
                str(QStringLiteral("apiportal")));
    route = set(route, QStringLiteral("spec.routes[0].services[0].namespace"),
                str(QStringLiteral("traefik")));
    route
        = set(route, QStringLiteral("spec.routes[0].services[0].port"), Yaml::Node::makeInt(9903));

    out.resources = {{file, auth}, {file, secret}, {file, portal}, {file, route}};
    out.select = resourceKey(Kind::APIPortal, p.ns, p.name);
    out.notes << Tr::tr("The OIDC client secret is not written to the workspace: set it on the "
                        "cluster, or locally in airgate.yaml.");
    return out;
}

// ---------------------------------------------------------------- dialogs

namespace {

/** A small form dialog; @return whether accepted. */
class FormDialog : public QDialog
{
public:
    FormDialog(QWidget *parent, const QString &title)
        : QDialog(parent)
    {
        setWindowTitle(title);
        form = new QFormLayout(this);
    }
    /**
     * Shows the dialog until @p attempt makes a result of the answers or the user cancels. A
     * refused answer (@p attempt says why in a message box over the dialog and returns nothing)
     * keeps the dialog open with what was typed.
     */
    std::optional<WizardResult>
    runUntil(const std::function<std::optional<WizardResult>()> &attempt)
    {
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        std::optional<WizardResult> result;
        m_attempt = [&] {
            result = attempt();
            return result.has_value();
        };
        const bool accepted = exec() == QDialog::Accepted;
        m_attempt = nullptr;
        return accepted ? result : std::nullopt;
    }
    void done(int r) override
    {
        if (r == QDialog::Accepted && m_attempt && !m_attempt())
            return; // refused: the dialog stays
        QDialog::done(r);
    }
    QLineEdit *line(const QString &label, const QString &value = {}, const QString &hint = {})
    {
        auto *e = new QLineEdit(value, this);
        e->setPlaceholderText(hint);
        form->addRow(label, e);
        return e;
    }
    QFormLayout *form;

private:
    std::function<bool()> m_attempt;
};

bool validName(QWidget *parent, const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    if (re.match(name).hasMatch() && name.size() <= 63)
        return true;
    QMessageBox::warning(parent, Tr::tr("Invalid name"),
                         Tr::tr("“%1” is not a DNS label: lower-case letters, digits and '-', "
                                "starting and ending with a letter or digit.")
                             .arg(name));
    return false;
}

} // namespace

std::optional<WizardResult> runApiWizard(QWidget *parent, const QString &ns,
                                         const QString &workspaceRoot)
{
    FormDialog d(parent, Tr::tr("New API from an OpenAPI document"));
    auto *file = new QLineEdit(&d);
    auto *browse = new QPushButton(Tr::tr("Browse…"), &d);
    auto *row = new QHBoxLayout;
    row->addWidget(file, 1);
    row->addWidget(browse);
    d.form->addRow(Tr::tr("OpenAPI document:"), row);
    auto *name = d.line(Tr::tr("Name:"));
    auto *nsEdit = d.line(Tr::tr("Namespace:"), ns);
    auto *host = d.line(Tr::tr("Host:"), {}, Tr::tr("api.example.com"));
    auto *prefix = d.line(Tr::tr("Path prefix:"), QStringLiteral("/"));
    auto *service = d.line(Tr::tr("Service:"));
    auto *port = new QSpinBox(&d);
    port->setRange(1, 65535);
    port->setValue(80);
    d.form->addRow(Tr::tr("Service port:"), port);
    auto *tags = new QCheckBox(Tr::tr("Operation sets from the document's tags"), &d);
    tags->setChecked(true);
    d.form->addRow(tags);
    QObject::connect(browse, &QPushButton::clicked, &d, [&] {
        const QString f = QFileDialog::getOpenFileName(
            &d, Tr::tr("OpenAPI document"), workspaceRoot, Tr::tr("OpenAPI (*.json *.yaml *.yml)"));
        if (f.isEmpty())
            return;
        file->setText(f);
        if (name->text().isEmpty())
            name->setText(dnsLabel(QFileInfo(f).completeBaseName()) + QStringLiteral("-api"));
    });
    return d.runUntil([&]() -> std::optional<WizardResult> {
        if (!validName(&d, name->text()))
            return std::nullopt;
        ApiParams p {name->text(),  nsEdit->text(),    file->text(),
                     host->text(),  prefix->text(),    service->text(),
                     port->value(), tags->isChecked(), workspaceRoot};
        QString error;
        WizardResult r = buildApi(p, &error);
        if (!error.isEmpty()) {
            QMessageBox::warning(&d, Tr::tr("New API"), error);
            return std::nullopt;
        }
        return r;
    });
}

std::optional<WizardResult> runApplicationWizard(QWidget *parent, const QString &ns)
{
    FormDialog d(parent, Tr::tr("New managed application"));
    auto *name = d.line(Tr::tr("Name:"));
    auto *nsEdit = d.line(Tr::tr("Namespace:"), ns);
    auto *owner = d.line(Tr::tr("Owner:"), {}, Tr::tr("the user's sub claim, or a group"));
    auto *key = new QCheckBox(Tr::tr("Generate a first API key"), &d);
    key->setChecked(true);
    d.form->addRow(key);
    auto *title = d.line(Tr::tr("Key title:"), Tr::tr("First key"));
    return d.runUntil([&]() -> std::optional<WizardResult> {
        if (!validName(&d, name->text()))
            return std::nullopt;
        return buildApplication(
            {name->text(), nsEdit->text(), owner->text(), key->isChecked(), title->text()});
    });
}

std::optional<WizardResult> runPlanWizard(QWidget *parent, const QString &ns)
{
    FormDialog d(parent, Tr::tr("New plan"));
    auto *name = d.line(Tr::tr("Name:"));
    auto *nsEdit = d.line(Tr::tr("Namespace:"), ns);
    auto *title = d.line(Tr::tr("Title:"));
    auto *rate = new QSpinBox(&d);
    rate->setRange(0, 1000000);
    rate->setValue(100);
    rate->setSpecialValueText(Tr::tr("no rate limit"));
    auto *ratePeriod = d.line(Tr::tr("Rate period:"), QStringLiteral("1s"));
    d.form->insertRow(3, Tr::tr("Requests per period:"), rate);
    auto *quota = new QSpinBox(&d);
    quota->setRange(0, 100000000);
    quota->setSpecialValueText(Tr::tr("no quota"));
    d.form->addRow(Tr::tr("Quota:"), quota);
    auto *quotaPeriod = d.line(Tr::tr("Quota period:"), QStringLiteral("720h"));
    ratePeriod->setObjectName(QStringLiteral("ratePeriod"));
    quotaPeriod->setObjectName(QStringLiteral("quotaPeriod"));
    name->setObjectName(QStringLiteral("name"));
    return d.runUntil([&]() -> std::optional<WizardResult> {
        if (!validName(&d, name->text()))
            return std::nullopt;
        const PlanParams p {name->text(),       nsEdit->text(), title->text(),      rate->value(),
                            ratePeriod->text(), quota->value(), quotaPeriod->text()};
        if (const QString why = planProblem(p); !why.isEmpty()) {
            QMessageBox::warning(&d, Tr::tr("New plan"), why);
            return std::nullopt;
        }
        return buildPlan(p);
    });
}

std::optional<WizardResult> runPortalWizard(QWidget *parent, const QString &ns)
{
    FormDialog d(parent, Tr::tr("New portal"));
    auto *name = d.line(Tr::tr("Name:"), QStringLiteral("api-portal"));
    auto *nsEdit = d.line(Tr::tr("Namespace:"), ns);
    auto *title = d.line(Tr::tr("Title:"), Tr::tr("API Portal"));
    auto *url = d.line(Tr::tr("Public URL:"), QStringLiteral("https://portal.example.com"));
    auto *issuer
        = d.line(Tr::tr("OIDC issuer URL:"), {}, QStringLiteral("https://idp.example.com/"));
    auto *client = d.line(Tr::tr("OIDC client id:"));
    return d.runUntil([&]() -> std::optional<WizardResult> {
        if (!validName(&d, name->text()))
            return std::nullopt;
        return buildPortal({name->text(), nsEdit->text(), title->text(), url->text(),
                            issuer->text(), client->text()});
    });
}

std::optional<WizardResult> runSubscriptionWizard(QWidget *parent, const QString &ns,
                                                  const WorkspaceModel *model)
{
    FormDialog d(parent, Tr::tr("New subscription"));
    auto *name = d.line(Tr::tr("Name:"));
    name->setObjectName(QStringLiteral("name"));
    auto *nsEdit = d.line(Tr::tr("Namespace:"), ns);
    auto checkList = [&](Kind kind, const QString &objectName) {
        auto *list = new QListWidget(&d);
        list->setObjectName(objectName);
        list->setMaximumHeight(120);
        for (const QString &n : model->names(kind, ns)) {
            auto *item = new QListWidgetItem(n, list);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
        return list;
    };
    auto *apps = checkList(Kind::ManagedApplication, QStringLiteral("applications"));
    auto *apis = checkList(Kind::API, QStringLiteral("apis"));
    d.form->addRow(Tr::tr("Applications:"), apps);
    d.form->addRow(Tr::tr("APIs:"), apis);
    auto *plan = new QComboBox(&d);
    plan->setObjectName(QStringLiteral("plan"));
    plan->addItems(model->names(Kind::APIPlan, ns));
    d.form->addRow(Tr::tr("Plan:"), plan);
    auto checked = [](QListWidget *list) {
        QStringList out;
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->checkState() == Qt::Checked)
                out << list->item(i)->text();
        return out;
    };
    return d.runUntil([&]() -> std::optional<WizardResult> {
        if (!validName(&d, name->text()))
            return std::nullopt;
        const SubscriptionParams p {name->text(), nsEdit->text(), checked(apps), checked(apis),
                                    plan->currentText()};
        if (const QString why = subscriptionProblem(p); !why.isEmpty()) {
            QMessageBox::warning(&d, Tr::tr("New subscription"), why);
            return std::nullopt;
        }
        return buildSubscription(p);
    });
}

} // namespace Airgate::Console
