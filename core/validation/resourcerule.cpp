// SPDX-License-Identifier: Apache-2.0
// The `resource` rule: what the API server would reject on `kubectl apply`, plus Hub's own
// offline validator (metadata.name as a DNS label, metadata.namespace required).
#include "validator.h"

#include "schema/formats.h"
#include "schema/schema.h"
#include "schema/schemavalidator.h"

#include <QSet>

namespace Airgate {

namespace {

using Schema::goQuote;

const char *const kDnsLabelMsg
    = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
      "and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
      "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const char *const kDnsSubdomainMsg
    = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
      "'.', and must start and "
      "end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
      "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const char *const kDns1035Msg
    = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with "
      "an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or "
      "'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const char *const kQualifiedNameMsg
    = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
      "with an alphanumeric "
      "character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
      "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const char *const kLabelValueMsg = "a valid label must be an empty string or consist of "
                                   "alphanumeric characters, '-', '_' or '.', and must start and "
                                   "end with an alphanumeric character (e.g. 'MyValue',  or "
                                   "'my_value',  or '12345', regex used for validation is "
                                   "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const char *const kConfigKeyMsg
    = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. "
      "'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is "
      "'[-._a-zA-Z0-9]+')";

constexpr qsizetype kMaxAnnotationBytes = 256 * 1024; // apimachinery TotalAnnotationSizeLimitB

/** Fields from older Traefik Hub documentation and what replaced them. */
struct Renamed
{
    Kind kind;
    const char *field;
    const char *hint;
};
const Renamed kRenamed[] = {
    {Kind::APIPlan, "spec.rateLimit.requests",
     "`rateLimit.requests` is from older Hub docs; current CRDs use `rateLimit.limit` with "
     "`period`"},
    {Kind::APIPlan, "spec.quota.requests",
     "`quota.requests` is from older Hub docs; current CRDs use `quota.limit` with `period`"},
    {Kind::API, "spec.pathPrefix",
     "APIs are exposed by an IngressRoute annotated `hub.traefik.io/api`, not by `pathPrefix`"},
    {Kind::API, "spec.service",
     "APIs are exposed by an IngressRoute annotated `hub.traefik.io/api`; its services are the "
     "backends"},
    {Kind::APIPortal, "spec.customDomains",
     "portals are exposed by an IngressRoute annotated `hub.traefik.io/api-portal`"},
    {Kind::APIPortal, "spec.apiGateway",
     "portals are exposed by an IngressRoute annotated `hub.traefik.io/api-portal`"},
    {Kind::APIAuth, "spec.apiKey.header", "put the header name under `apiKey.keySource.header`"},
    {Kind::APIAuth, "spec.apiKey.query", "put the parameter under `apiKey.keySource.query`"},
    {Kind::ManagedSubscription, "spec.plan", "use `apiPlan: {name: …}`"},
    {Kind::APICatalogItem, "spec.plan", "use `apiPlan: {name: …}`"},
};

struct RetiredKind
{
    const char *kind;
    const char *hint;
};
const RetiredKind kRetiredKinds[] = {
    {"APIAccess",
     "APIAccess was removed: use APICatalogItem (portal visibility) and ManagedSubscription "
     "(gateway access)"},
    {"APICollection", "APICollection was removed: use APIBundle"},
    {"APIGateway",
     "APIGateway was removed: expose APIs with an IngressRoute annotated hub.traefik.io/api"},
    {"AccessControlPolicy", "AccessControlPolicy was replaced by APIAuth"},
};

QString q(const QString &s)
{
    return QString::fromStdString(goQuote(s.toStdString()));
}

Diagnostic fieldDiagnostic(const Resource &r, const Schema::FieldError &e, const QString &rule)
{
    Diagnostic d;
    d.severity = e.warning ? Diagnostic::Severity::Warning : Diagnostic::Severity::Error;
    d.rule = rule;
    d.message = QString::fromStdString(e.text());
    d.hint = QString::fromStdString(e.hint);
    d.file = r.source.file;
    const Yaml::Mark m = e.mark.isValid() ? e.mark : r.source.mark;
    d.line = m.line;
    d.column = m.column;
    d.kind = r.kindName;
    d.ns = r.ns;
    d.name = r.name;
    d.field = QString::fromStdString(e.field);
    if (e.type == Schema::FieldError::Type::UnknownField) {
        for (const Renamed &rn : kRenamed)
            if (r.kind == rn.kind && d.field == QLatin1StringView(rn.field))
                d.hint = QLatin1StringView(rn.hint).toString();
    }
    return d;
}

class MetadataChecker
{
public:
    MetadataChecker(const Resource &r, Diagnostics &out)
        : m_r(r)
        , m_out(out)
    {
    }

    void run()
    {
        const Yaml::Node *meta = m_r.node->get("metadata");
        const KindInfo *info = kindInfo(m_r.kind);
        const bool hub = info && info->hub;
        if (!meta || meta->isNull()) {
            add(QStringLiteral("metadata.name"),
                QStringLiteral("metadata.name: Required value: name or generateName is required"));
            if (hub)
                add(QStringLiteral("metadata.namespace"),
                    QStringLiteral("metadata.namespace: Required value"));
            return;
        }
        if (!meta->isMap()) {
            add(QStringLiteral("metadata"),
                QStringLiteral(
                    "metadata: Invalid value: %1: metadata in body must be of type object: %1")
                    .arg(q(QLatin1StringView(Yaml::jsonTypeName(*meta)).toString())));
            return;
        }
        static const QSet<QString> known {QStringLiteral("name"),
                                          QStringLiteral("generateName"),
                                          QStringLiteral("namespace"),
                                          QStringLiteral("labels"),
                                          QStringLiteral("annotations"),
                                          QStringLiteral("uid"),
                                          QStringLiteral("resourceVersion"),
                                          QStringLiteral("generation"),
                                          QStringLiteral("creationTimestamp"),
                                          QStringLiteral("deletionTimestamp"),
                                          QStringLiteral("deletionGracePeriodSeconds"),
                                          QStringLiteral("ownerReferences"),
                                          QStringLiteral("finalizers"),
                                          QStringLiteral("managedFields"),
                                          QStringLiteral("selfLink")};
        for (const auto &e : meta->entries) {
            const QString k = QString::fromStdString(e.key);
            if (!known.contains(k))
                add(QStringLiteral("metadata.") + k,
                    QStringLiteral("unknown field \"metadata.%1\"").arg(k));
        }
        checkName(meta, hub);
        checkNamespace(meta, hub);
        checkStringMap(meta, "labels", true);
        checkStringMap(meta, "annotations", false);
    }

private:
    void add(const QString &field, const QString &message,
             Diagnostic::Severity sev = Diagnostic::Severity::Error, const QString &hint = {})
    {
        Diagnostic d;
        d.severity = sev;
        d.rule = QStringLiteral("resource");
        d.message = message;
        d.hint = hint;
        d.file = m_r.source.file;
        const Yaml::Mark m = m_r.markAt(field);
        d.line = m.line;
        d.column = m.column;
        d.kind = m_r.kindName;
        d.ns = m_r.ns;
        d.name = m_r.name;
        d.field = field;
        m_out << d;
    }

    bool mustBeString(const Yaml::Node *n, const QString &field)
    {
        if (n->isString())
            return true;
        const QString t = QLatin1StringView(Yaml::jsonTypeName(*n)).toString();
        add(field,
            QStringLiteral("%1: Invalid value: %2: %1 in body must be of type string: %2")
                .arg(field, q(t)),
            Diagnostic::Severity::Error, QStringLiteral("quote the value"));
        return false;
    }

    void checkName(const Yaml::Node *meta, bool hub)
    {
        const Yaml::Node *name = meta->get("name");
        if (meta->has("generateName") && !name) {
            add(QStringLiteral("metadata.generateName"),
                QStringLiteral("metadata.generateName: Forbidden: kubectl apply cannot use "
                               "generateName; set metadata.name"));
            return;
        }
        if (!name || name->isNull() || (name->isScalar() && name->value.empty())) {
            add(QStringLiteral("metadata.name"),
                QStringLiteral("metadata.name: Required value: name or generateName is required"));
            return;
        }
        if (!mustBeString(name, QStringLiteral("metadata.name")))
            return;
        const std::string &v = name->value;
        const QString value = QString::fromStdString(v);
        if (hub) {
            // Hub's offline validator: NameIsDNSLabel (max 63).
            if (v.size() > 63)
                add(QStringLiteral("metadata.name"),
                    QStringLiteral(
                        "metadata.name: Invalid value: %1: must be no more than 63 characters")
                        .arg(q(value)));
            if (!Formats::isDnsLabel(v) && !(v.size() > 63 && Formats::isDnsLabel(v.substr(0, 63))))
                add(QStringLiteral("metadata.name"),
                    QStringLiteral("metadata.name: Invalid value: %1: %2")
                        .arg(q(value), QLatin1StringView(kDnsLabelMsg)));
        } else if (m_r.kind == Kind::Service) {
            const bool ok = v.size() <= 63 && Formats::isDnsLabel(v) && v[0] >= 'a' && v[0] <= 'z';
            if (!ok)
                add(QStringLiteral("metadata.name"),
                    QStringLiteral("metadata.name: Invalid value: %1: %2")
                        .arg(q(value), QLatin1StringView(kDns1035Msg)));
        } else {
            if (v.size() > 253)
                add(QStringLiteral("metadata.name"),
                    QStringLiteral(
                        "metadata.name: Invalid value: %1: must be no more than 253 characters")
                        .arg(q(value)));
            else if (!Formats::isDnsSubdomain(v))
                add(QStringLiteral("metadata.name"),
                    QStringLiteral("metadata.name: Invalid value: %1: %2")
                        .arg(q(value), QLatin1StringView(kDnsSubdomainMsg)));
        }
    }

    void checkNamespace(const Yaml::Node *meta, bool hub)
    {
        const Yaml::Node *ns = meta->get("namespace");
        if (!ns || ns->isNull() || (ns->isScalar() && ns->value.empty())) {
            if (hub)
                add(QStringLiteral("metadata.namespace"),
                    QStringLiteral("metadata.namespace: Required value"),
                    Diagnostic::Severity::Error,
                    QStringLiteral(
                        "Traefik Hub resources must name their namespace in the manifest"));
            else if (m_r.kind != Kind::Unknown)
                add(QStringLiteral("metadata"),
                    QStringLiteral("metadata.namespace is not set: kubectl creates this %1 in the "
                                   "current context's namespace")
                        .arg(m_r.kindName),
                    Diagnostic::Severity::Warning,
                    QStringLiteral(
                        "set metadata.namespace so references from other resources resolve"));
            return;
        }
        if (!mustBeString(ns, QStringLiteral("metadata.namespace")))
            return;
        if (!Formats::isDnsLabel(ns->value))
            add(QStringLiteral("metadata.namespace"),
                QStringLiteral("metadata.namespace: Invalid value: %1: %2")
                    .arg(q(QString::fromStdString(ns->value)), QLatin1StringView(kDnsLabelMsg)));
    }

    void checkStringMap(const Yaml::Node *meta, const char *key, bool labels)
    {
        const Yaml::Node *m = meta->get(key);
        const QString base = QStringLiteral("metadata.") + QLatin1StringView(key);
        if (!m || m->isNull())
            return;
        if (!m->isMap()) {
            add(base,
                QStringLiteral("%1: Invalid value: %2: %1 in body must be of type object: %2")
                    .arg(base, q(QLatin1StringView(Yaml::jsonTypeName(*m)).toString())));
            return;
        }
        qsizetype total = 0;
        for (const auto &e : m->entries) {
            const QString k = QString::fromStdString(e.key);
            const QString field = base + u'[' + k + u']';
            if (!Formats::isQualifiedName(e.key))
                add(field,
                    QStringLiteral("%1: Invalid value: %2: %3")
                        .arg(base, q(k), QLatin1StringView(kQualifiedNameMsg)));
            if (e.value->isNull()) {
                add(field,
                    QStringLiteral(
                        "%1: Invalid value: \"null\": %1 in body must be of type string: \"null\"")
                        .arg(field));
                continue;
            }
            if (!mustBeString(e.value.get(), field))
                continue;
            total += static_cast<qsizetype>(e.key.size() + e.value->value.size());
            if (labels && !Formats::isLabelValue(e.value->value))
                add(field,
                    QStringLiteral("%1: Invalid value: %2: %3")
                        .arg(base, q(QString::fromStdString(e.value->value)),
                             QLatin1StringView(kLabelValueMsg)));
        }
        if (!labels && total > kMaxAnnotationBytes)
            add(base,
                QStringLiteral("%1: Too long: must have at most %2 bytes")
                    .arg(base)
                    .arg(kMaxAnnotationBytes));
    }

    const Resource &m_r;
    Diagnostics &m_out;
};

void checkSecretData(const Resource &r, Diagnostics &out)
{
    for (const char *key : {"data", "stringData"}) {
        const Yaml::Node *data = r.node->get(key);
        if (!data || !data->isMap())
            continue;
        for (const auto &e : data->entries) {
            const QString k = QString::fromStdString(e.key);
            if (!Formats::isConfigKey(e.key)) {
                Diagnostic d;
                d.rule = QStringLiteral("resource");
                d.message
                    = QStringLiteral("%1[%2]: Invalid value: %3: %4")
                          .arg(QLatin1StringView(key), k, q(k), QLatin1StringView(kConfigKeyMsg));
                d.file = r.source.file;
                d.line = e.keyMark.line;
                d.column = e.keyMark.column;
                d.kind = r.kindName;
                d.ns = r.ns;
                d.name = r.name;
                d.field = QLatin1StringView(key) + u'[' + k + u']';
                out << d;
            }
        }
    }
}

void validateOne(const Resource &r, Diagnostics &out)
{
    const QString rule = QStringLiteral("resource");
    auto docDiag = [&](const QString &message, Diagnostic::Severity sev, const QString &hint = {}) {
        Diagnostic d;
        d.severity = sev;
        d.rule = rule;
        d.message = message;
        d.hint = hint;
        d.file = r.source.file;
        d.line = r.source.mark.line;
        d.column = r.source.mark.column;
        d.kind = r.kindName;
        d.ns = r.ns;
        d.name = r.name;
        out << d;
    };
    if (r.apiVersion.isEmpty() || r.kindName.isEmpty()) {
        if (r.kindName.isEmpty())
            docDiag(QStringLiteral("Object 'Kind' is missing in the document"),
                    Diagnostic::Severity::Error,
                    QStringLiteral("every manifest needs apiVersion and kind"));
        if (r.apiVersion.isEmpty())
            docDiag(QStringLiteral("Object 'apiVersion' is missing in the document"),
                    Diagnostic::Severity::Error,
                    QStringLiteral("every manifest needs apiVersion and kind"));
        return;
    }
    const Schema::KindSchema *schema
        = Schema::Registry::builtin().find(r.apiVersion.toStdString(), r.kindName.toStdString());
    if (!schema) {
        const QString group = r.apiVersion.section(u'/', 0, 0);
        QString hint;
        for (const RetiredKind &rk : kRetiredKinds)
            if (r.kindName == QLatin1StringView(rk.kind))
                hint = QLatin1StringView(rk.hint).toString();
        const Schema::KindSchema *sameKind
            = Schema::Registry::builtin().findKind(r.kindName.toStdString());
        if (sameKind)
            hint = QStringLiteral("%1 is served as apiVersion %2")
                       .arg(r.kindName, QString::fromStdString(sameKind->apiVersion()));
        if (group == QLatin1StringView("hub.traefik.io") || group == QLatin1StringView("traefik.io")
            || sameKind || group == QLatin1StringView("traefik.containo.us"))
            docDiag(QStringLiteral("no matches for kind %1 in version %2")
                        .arg(q(r.kindName), q(r.apiVersion)),
                    Diagnostic::Severity::Error, hint);
        else if (r.apiVersion != QLatin1StringView("v1") || r.kindName != QLatin1StringView("List"))
            docDiag(
                QStringLiteral(
                    "%1 (%2) is not a kind Airgate knows; it is exported as is and not validated")
                    .arg(r.kindName, r.apiVersion),
                Diagnostic::Severity::Warning);
        return;
    }
    for (const Schema::FieldError &e : Schema::validateObject(*r.node, *schema))
        out << fieldDiagnostic(r, e, rule);
    MetadataChecker(r, out).run();
    if (r.kind == Kind::Secret || r.kind == Kind::ConfigMap)
        checkSecretData(r, out);
    if (const Yaml::Node *status = r.node->get("status");
        status && !status->isNull() && schema->statusSubresource)
        docDiag(QStringLiteral("status is set by the cluster and ignored on apply"),
                Diagnostic::Severity::Info,
                QStringLiteral("remove the status block from the manifest"));
}

} // namespace

Diagnostics validateResourceSchema(const Resource &resource)
{
    Diagnostics out;
    validateOne(resource, out);
    return out;
}

void runResourceRule(RuleContext &ctx)
{
    for (const Resource &r : ctx.workspace.resources()) {
        Diagnostics out;
        validateOne(r, out);
        for (Diagnostic &d : out)
            ctx.add(std::move(d));
    }
}

} // namespace Airgate
