// SPDX-License-Identifier: Apache-2.0
// `airgatectl migrate`: stale fields and kinds (older Hub CRDs and documentation, Traefik 2's API
// group) rewritten to the v1.33 CRDs as byte edits of the affected lines only.
#include "migration.h"

#include "io/atomicfile.h"
#include "textdiff.h"
#include "yaml/yamlparser.h"

#include <QDir>
#include <QHash>
#include <QUrl>

#include <algorithm>
#include <map>
#include <optional>

namespace Airgate::GitOps {

const std::vector<MigrationInfo> &migrationCatalogue()
{
    static const std::vector<MigrationInfo> catalogue = {
        {"plan-requests", "APIPlan", "spec.rateLimit.requests", "spec.rateLimit.limit", true,
         "older Hub documentation (the offline-mode guide's example)"},
        {"plan-quota-requests", "APIPlan", "spec.quota.requests", "spec.quota.limit", true,
         "older Hub documentation"},
        {"plan-bucket-access", "APIPlan", "spec.rateLimit|quota.bucket: access",
         "bucket: subscription", true,
         "Hub CRDs before ManagedSubscription (APIAccess buckets); v1.33 allows subscription, "
         "application-api, application"},
        {"plan-bucket-user", "APIPlan", "spec.rateLimit|quota.bucket: user",
         "bucket: application or application-api", false,
         "Hub CRDs before ManagedApplication: a per-user bucket has no single counterpart"},
        {"subscription-appid", "ManagedSubscription", "spec.applications[].appId",
         "spec.managedApplications[].name", true,
         "deprecated in v1.33; rewritten when each appId names exactly one ManagedApplication of "
         "the namespace, listed otherwise"},
        {"plan-reference", "ManagedSubscription, APICatalogItem", "spec.plan", "spec.apiPlan.name",
         true, "older Hub documentation"},
        {"jwt-jwksurl", "APIAuth", "spec.jwt.jwksUrl", "spec.jwt.trustedIssuers[].jwksUrl", true,
         "deprecated in v1.33: a trusted issuer without issuer accepts any iss, as jwksUrl did"},
        {"jwt-jwksurl-offline", "APIAuth", "a JWKS URL the cluster cannot reach (--offline)",
         "spec.jwt.jwksFile", false, "offline mode: the JWKS content must come from a person"},
        {"apikey-source", "APIAuth", "spec.apiKey.header, spec.apiKey.query",
         "spec.apiKey.keySource.header, .query", true, "older Hub documentation"},
        {"traefik-group", "Traefik kinds", "apiVersion: traefik.containo.us/v1alpha1",
         "apiVersion: traefik.io/v1alpha1", true, "Traefik 2 (the group was removed in Traefik 3)"},
        {"apiratelimit", "APIRateLimit", "kind APIRateLimit",
         "an APIPlan referenced by APICatalogItems and ManagedSubscriptions", false,
         "deprecated in v1.33: which consumers get which plan is a decision"},
        {"retired-kind", "APIAccess, APICollection, APIGateway, AccessControlPolicy",
         "removed kinds", "APICatalogItem + ManagedSubscription, APIBundle, IngressRoute, APIAuth",
         false, "Hub CRDs before v1.0"},
        {"api-exposure", "API", "spec.pathPrefix, spec.service",
         "an IngressRoute annotated hub.traefik.io/api", false, "older Hub documentation"},
        {"portal-exposure", "APIPortal", "spec.customDomains, spec.apiGateway",
         "an IngressRoute annotated hub.traefik.io/api-portal", false, "older Hub documentation"},
    };
    return catalogue;
}

QString MigrationFinding::resource() const
{
    return ns.isEmpty() ? QStringLiteral("%1 %2").arg(kind, name)
                        : QStringLiteral("%1 %2/%3").arg(kind, ns, name);
}

int MigrationPlan::automaticCount() const
{
    return int(std::count_if(findings.begin(), findings.end(),
                             [](const MigrationFinding &f) { return f.automatic; }));
}

int MigrationPlan::manualCount() const
{
    return int(findings.size()) - automaticCount();
}

QByteArray MigrationPlan::unifiedDiff() const
{
    QByteArray out;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const QByteArray name = it.key().toUtf8();
        out += GitOps::unifiedDiff(it.value(), after.value(it.key()), "a/" + name, "b/" + name);
    }
    return out;
}

QByteArray applyEdits(const QByteArray &text, const std::vector<const MigrationFinding *> &findings)
{
    std::vector<TextEdit> edits;
    for (const MigrationFinding *f : findings)
        edits.insert(edits.end(), f->edits.begin(), f->edits.end());
    std::sort(edits.begin(), edits.end(),
              [](const TextEdit &a, const TextEdit &b) { return a.offset > b.offset; });
    QByteArray out = text;
    for (const TextEdit &e : edits)
        out.replace(e.offset, e.length, e.text);
    return out;
}

namespace {

/** Offsets of lines and marks (1-based lines, character columns) in a file's text. */
class TextIndex
{
public:
    explicit TextIndex(const QByteArray &text)
        : m_text(text)
    {
        m_starts.push_back(text.startsWith("\xEF\xBB\xBF") ? 3 : 0);
        for (qsizetype i = 0; i < text.size(); ++i)
            if (text.at(i) == '\n')
                m_starts.push_back(i + 1);
    }

    qsizetype lineStart(int line) const { return m_starts.at(size_t(line - 1)); }
    qsizetype lineEnd(int line) const
    {
        qsizetype e = line < int(m_starts.size()) ? m_starts.at(size_t(line)) - 1 : m_text.size();
        while (e > lineStart(line) && (m_text.at(e - 1) == '\r'))
            --e;
        return e;
    }
    int lineOf(qsizetype offset) const
    {
        auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
        return int(it - m_starts.begin());
    }

    /** The offset of @p m, or -1 when the text has no such place. */
    qsizetype offset(const Yaml::Mark &m) const
    {
        if (!m.isValid() || m.line > int(m_starts.size()))
            return -1;
        qsizetype p = lineStart(m.line);
        const qsizetype end = lineEnd(m.line);
        for (int c = 1; c < m.column; ++c) { // one UTF-8 character per column
            if (p >= end)
                return -1;
            ++p;
            while (p < end && (uchar(m_text.at(p)) & 0xC0) == 0x80)
                ++p;
        }
        return p;
    }

    /** Bytes from the start of @p offset's line up to it, when they are all spaces. */
    std::optional<qsizetype> indentBefore(qsizetype offset) const
    {
        const qsizetype start = lineStart(lineOf(offset));
        for (qsizetype i = start; i < offset; ++i)
            if (m_text.at(i) != ' ')
                return std::nullopt;
        return offset - start;
    }

    /** Where a quoted scalar starting at @p p ends (one past its closing quote) on its line. */
    qsizetype quotedEnd(qsizetype p) const
    {
        const char q = m_text.at(p);
        const qsizetype end = lineEnd(lineOf(p));
        for (qsizetype i = p + 1; i < end; ++i) {
            const char c = m_text.at(i);
            if (q == '"' && c == '\\') {
                ++i;
            } else if (c == q) {
                if (q == '\'' && i + 1 < end && m_text.at(i + 1) == '\'') {
                    ++i;
                    continue;
                }
                return i + 1;
            }
        }
        return -1;
    }

    const QByteArray &text() const { return m_text; }

private:
    const QByteArray &m_text;
    std::vector<qsizetype> m_starts;
};

struct Range
{
    qsizetype offset = 0;
    qsizetype length = 0;
    qsizetype end() const { return offset + length; }
};

/** A map key's bytes, quotes included, when the text holds it where the mark says. */
std::optional<Range> keyRange(const TextIndex &ix, const Yaml::Node::Entry &e)
{
    const qsizetype p = ix.offset(e.keyMark);
    if (p < 0 || p >= ix.text().size())
        return std::nullopt;
    const char c = ix.text().at(p);
    if (e.keyQuoted || c == '"' || c == '\'') {
        if (c != '"' && c != '\'')
            return std::nullopt;
        const qsizetype end = ix.quotedEnd(p);
        return end < 0 ? std::nullopt : std::optional<Range>(Range {p, end - p});
    }
    const QByteArray key = QByteArray::fromStdString(e.key);
    if (ix.text().mid(p, key.size()) != key)
        return std::nullopt;
    return Range {p, key.size()};
}

/** A one-line scalar's bytes (quotes included) when the text holds it where the mark says. */
std::optional<Range> scalarRange(const TextIndex &ix, const Yaml::Node *n)
{
    if (!n || !n->isScalar())
        return std::nullopt;
    const qsizetype p = ix.offset(n->mark);
    if (p < 0 || p >= ix.text().size())
        return std::nullopt;
    const char c = ix.text().at(p);
    if (n->quoted) {
        if (c != '"' && c != '\'')
            return std::nullopt; // a block scalar
        const qsizetype end = ix.quotedEnd(p);
        return end < 0 ? std::nullopt : std::optional<Range>(Range {p, end - p});
    }
    const QByteArray v = QByteArray::fromStdString(n->value);
    if (v.isEmpty() || ix.text().mid(p, v.size()) != v || ix.lineOf(p) != ix.lineOf(p + v.size()))
        return std::nullopt;
    return Range {p, v.size()};
}

/** The same scalar token with other content: `"access"` → `"subscription"`, `access` → … */
QByteArray retoken(const QByteArray &oldToken, const QByteArray &value)
{
    if (oldToken.startsWith('"') || oldToken.startsWith('\''))
        return oldToken.front() + value + oldToken.front();
    return value;
}

class Planner
{
public:
    Planner(const Workspace &ws, const MigrationOptions &options)
        : m_ws(ws)
        , m_options(options)
    {
    }

    MigrationPlan run()
    {
        std::map<int, TextIndex> indexes;
        for (const Resource &r : m_ws.resources()) {
            if (r.fileIndex < 0)
                continue;
            m_file = &m_ws.files().at(size_t(r.fileIndex));
            m_ix = &indexes.try_emplace(r.fileIndex, m_file->original).first->second;
            m_r = &r;
            visit();
        }
        m_ix = nullptr;
        return finish();
    }

private:
    MigrationFinding finding(const char *id, const QString &field, const Yaml::Mark &mark,
                             const QString &message)
    {
        MigrationFinding f;
        f.id = QLatin1StringView(id).toString();
        f.file = m_file->relPath;
        f.mark = mark.isValid() ? mark : m_r->source.mark;
        f.kind = m_r->kindName;
        f.ns = m_r->ns;
        f.name = m_r->name;
        f.field = field;
        f.message = message;
        return f;
    }

    void manual(const char *id, const QString &field, const Yaml::Mark &mark,
                const QString &message)
    {
        m_findings.push_back(finding(id, field, mark, message));
    }

    /** Adds an automatic finding, or a manual one saying why when @p edits could not be made. */
    void automatic(const char *id, const QString &field, const Yaml::Mark &mark,
                   const QString &message, std::optional<std::vector<TextEdit>> edits)
    {
        MigrationFinding f = finding(id, field, mark, message);
        if (edits && !edits->empty()) {
            f.automatic = true;
            f.edits = std::move(*edits);
        } else {
            f.message += QStringLiteral(" (not rewritten: the text is not laid out as expected; "
                                        "edit it by hand)");
        }
        m_findings.push_back(std::move(f));
    }

    std::optional<TextEdit> renameKey(const Yaml::Node &map, const char *from, const char *to)
    {
        const Yaml::Node::Entry *e = map.entry(from);
        if (!e)
            return std::nullopt;
        auto range = keyRange(*m_ix, *e);
        if (!range)
            return std::nullopt;
        const QByteArray old = m_ix->text().mid(range->offset, range->length);
        return TextEdit {range->offset, range->length, retoken(old, QByteArray(to))};
    }

    std::optional<TextEdit> replaceScalar(const Yaml::Node *n, const QByteArray &value)
    {
        auto range = scalarRange(*m_ix, n);
        if (!range)
            return std::nullopt;
        const QByteArray old = m_ix->text().mid(range->offset, range->length);
        return TextEdit {range->offset, range->length, retoken(old, value)};
    }

    /** The file's own line break, for the lines a migration adds. */
    QByteArray eol() const
    {
        return m_ix->text().contains("\r\n") ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
    }

    static std::optional<std::vector<TextEdit>>
    all(std::initializer_list<std::optional<TextEdit>> l)
    {
        std::vector<TextEdit> out;
        for (const auto &e : l) {
            if (!e)
                return std::nullopt;
            out.push_back(*e);
        }
        return out;
    }

    void visit()
    {
        const Resource &r = *m_r;
        const QString group = r.apiVersion.section(u'/', 0, 0);
        if (group == QLatin1StringView("traefik.containo.us")) {
            const Yaml::Node::Entry *e = r.node->entry("apiVersion");
            const QByteArray to = "traefik.io/" + r.apiVersion.section(u'/', 1).toUtf8();
            automatic("traefik-group", QStringLiteral("apiVersion"),
                      e ? e->value->mark : Yaml::Mark(),
                      QStringLiteral("apiVersion %1 → %2 (Traefik 3 serves only traefik.io)")
                          .arg(r.apiVersion, QString::fromUtf8(to)),
                      all({e ? replaceScalar(e->value.get(), to) : std::nullopt}));
        }
        static const QHash<QString, QString> retired = {
            {QStringLiteral("APIAccess"),
             QStringLiteral("APIAccess was removed: decide which APICatalogItem (portal "
                            "visibility) and ManagedSubscription (gateway access) replace it")},
            {QStringLiteral("APICollection"),
             QStringLiteral("APICollection was removed: group its APIs in an APIBundle")},
            {QStringLiteral("APIGateway"),
             QStringLiteral("APIGateway was removed: expose each API with an IngressRoute "
                            "annotated hub.traefik.io/api")},
            {QStringLiteral("AccessControlPolicy"),
             QStringLiteral("AccessControlPolicy was replaced by APIAuth: choose the "
                            "authentication method and its settings")},
        };
        if (group == QLatin1StringView("hub.traefik.io") && retired.contains(r.kindName)) {
            manual("retired-kind", QString(), r.source.mark, retired.value(r.kindName));
            return;
        }
        const Yaml::Node *spec = r.spec();
        if (r.kind == Kind::APIRateLimit) {
            manual("apiratelimit", QString(), r.source.mark,
                   QStringLiteral("APIRateLimit is deprecated: create an APIPlan with its limit "
                                  "and period and reference it from the APICatalogItems and "
                                  "ManagedSubscriptions of the consumers it should apply to"));
            return;
        }
        if (!spec || !spec->isMap())
            return;
        switch (r.kind) {
        case Kind::APIPlan:
            visitPlan(*spec);
            break;
        case Kind::ManagedSubscription:
            visitSubscription(*spec);
            visitPlanReference(*spec);
            break;
        case Kind::APICatalogItem:
            visitPlanReference(*spec);
            break;
        case Kind::APIAuth:
            visitAuth(*spec);
            break;
        case Kind::API:
            for (const char *f : {"pathPrefix", "service"})
                if (const Yaml::Node::Entry *e = spec->entry(f))
                    manual("api-exposure", QStringLiteral("spec.") + QLatin1StringView(f),
                           e->keyMark,
                           QStringLiteral("spec.%1 is from older Hub documentation: expose the "
                                          "API with an IngressRoute annotated "
                                          "hub.traefik.io/api (its routes and services are a "
                                          "decision), then remove spec.%1")
                               .arg(QLatin1StringView(f)));
            break;
        case Kind::APIPortal:
            for (const char *f : {"customDomains", "apiGateway"})
                if (const Yaml::Node::Entry *e = spec->entry(f))
                    manual("portal-exposure", QStringLiteral("spec.") + QLatin1StringView(f),
                           e->keyMark,
                           QStringLiteral("spec.%1 is from older Hub documentation: expose the "
                                          "portal with an IngressRoute annotated "
                                          "hub.traefik.io/api-portal, then remove spec.%1")
                               .arg(QLatin1StringView(f)));
            break;
        default:
            break;
        }
    }

    void visitPlan(const Yaml::Node &spec)
    {
        for (const char *block : {"rateLimit", "quota"}) {
            const Yaml::Node *m = spec.get(block);
            if (!m || !m->isMap())
                continue;
            const QString base = QStringLiteral("spec.") + QLatin1StringView(block);
            const char *id
                = std::string_view(block) == "quota" ? "plan-quota-requests" : "plan-requests";
            if (const Yaml::Node::Entry *e = m->entry("requests")) {
                if (m->has("limit"))
                    manual(id, base + QStringLiteral(".requests"), e->keyMark,
                           QStringLiteral("%1 has both requests (%2) and limit (%3): keep one as "
                                          "limit")
                               .arg(QLatin1StringView(block),
                                    QString::fromStdString(e->value->text()),
                                    QString::fromStdString(m->get("limit")->text())));
                else
                    automatic(
                        id, base + QStringLiteral(".requests"), e->keyMark,
                        QStringLiteral("%1.requests → %1.limit").arg(QLatin1StringView(block)),
                        all({renameKey(*m, "requests", "limit")}));
            }
            if (const Yaml::Node::Entry *e = m->entry("bucket"); e && e->value->isScalar()) {
                const std::string &v = e->value->text();
                if (v == "access")
                    automatic(
                        "plan-bucket-access", base + QStringLiteral(".bucket"), e->value->mark,
                        QStringLiteral("%1.bucket: access → subscription (ManagedSubscription "
                                       "replaced APIAccess)")
                            .arg(QLatin1StringView(block)),
                        all({replaceScalar(e->value.get(), "subscription")}));
                else if (v == "user")
                    manual("plan-bucket-user", base + QStringLiteral(".bucket"), e->value->mark,
                           QStringLiteral("%1.bucket: user no longer exists: choose application "
                                          "(one counter per application) or application-api (per "
                                          "application and API)")
                               .arg(QLatin1StringView(block)));
            }
        }
    }

    void visitPlanReference(const Yaml::Node &spec)
    {
        const Yaml::Node::Entry *e = spec.entry("plan");
        if (!e)
            return;
        const QString field = QStringLiteral("spec.plan");
        if (spec.has("apiPlan")) {
            manual("plan-reference", field, e->keyMark,
                   QStringLiteral("both plan and apiPlan are set: keep apiPlan.name"));
            return;
        }
        if (e->value->isScalar() && !e->value->text().empty()) {
            auto value = scalarRange(*m_ix, e->value.get());
            std::optional<TextEdit> wrap;
            if (value)
                wrap = TextEdit {value->offset, value->length,
                                 "{name: " + m_ix->text().mid(value->offset, value->length) + '}'};
            automatic("plan-reference", field, e->keyMark,
                      QStringLiteral("plan: %1 → apiPlan: {name: %1}")
                          .arg(QString::fromStdString(e->value->text())),
                      all({renameKey(spec, "plan", "apiPlan"), wrap}));
        } else if (e->value->isMap() && e->value->has("name")) {
            automatic("plan-reference", field, e->keyMark, QStringLiteral("plan → apiPlan"),
                      all({renameKey(spec, "plan", "apiPlan")}));
        } else {
            manual("plan-reference", field, e->keyMark,
                   QStringLiteral("spec.plan is from older Hub documentation: set apiPlan.name "
                                  "to the APIPlan to use"));
        }
    }

    void visitSubscription(const Yaml::Node &spec)
    {
        const Yaml::Node::Entry *e = spec.entry("applications");
        if (!e || !e->value->isSequence())
            return;
        const QString field = QStringLiteral("spec.applications");
        if (spec.has("managedApplications") || spec.has("managedApplicationSelector")) {
            manual("subscription-appid", field, e->keyMark,
                   QStringLiteral("applications[].appId is deprecated and managedApplications is "
                                  "set too: merge them by hand"));
            return;
        }
        // Which ManagedApplication each appId names, in this namespace.
        QHash<QString, QStringList> byAppId;
        for (const Resource *app : m_ws.ofKind(Kind::ManagedApplication, m_r->ns))
            if (const Yaml::Node *s = app->spec())
                if (auto id = s->scalarAt("appId"))
                    byAppId[QString::fromStdString(*id)] << app->name;
        std::vector<std::optional<TextEdit>> edits {
            renameKey(spec, "applications", "managedApplications")};
        QStringList problems;
        QStringList mapping;
        for (size_t i = 0; i < e->value->items.size(); ++i) {
            const Yaml::Node &item = *e->value->items[i];
            const Yaml::Node *appId = item.isMap() ? item.get("appId") : nullptr;
            if (!appId || item.entries.size() != 1 || !appId->isScalar()) {
                problems << QStringLiteral("item %1 is not {appId: …}").arg(i);
                continue;
            }
            const QString id = QString::fromStdString(appId->text());
            const QStringList apps = byAppId.value(id);
            if (apps.size() != 1) {
                problems << (apps.isEmpty()
                                 ? QStringLiteral("no ManagedApplication in namespace %1 has "
                                                  "appId \"%2\"")
                                       .arg(m_r->ns, id)
                                 : QStringLiteral("appId \"%1\" is used by %2")
                                       .arg(id, apps.join(QStringLiteral(" and "))));
                continue;
            }
            mapping << QStringLiteral("%1 → %2").arg(id, apps.first());
            edits.push_back(renameKey(item, "appId", "name"));
            if (apps.first() != id)
                edits.push_back(replaceScalar(appId, apps.first().toUtf8()));
        }
        if (!problems.isEmpty()) {
            manual("subscription-appid", field, e->keyMark,
                   QStringLiteral("applications[].appId is deprecated: name the "
                                  "ManagedApplications in managedApplications (%1)")
                       .arg(problems.join(QStringLiteral("; "))));
            return;
        }
        std::vector<TextEdit> out;
        bool ok = true;
        for (const auto &ed : edits) {
            ok = ok && ed.has_value();
            if (ed)
                out.push_back(*ed);
        }
        automatic("subscription-appid", field, e->keyMark,
                  QStringLiteral("applications[].appId → managedApplications[].name (%1)")
                      .arg(mapping.join(QStringLiteral(", "))),
                  ok ? std::optional(out) : std::nullopt);
    }

    void visitAuth(const Yaml::Node &spec)
    {
        if (const Yaml::Node *jwt = spec.get("jwt"); jwt && jwt->isMap())
            visitJwt(*jwt);
        if (const Yaml::Node *apiKey = spec.get("apiKey"); apiKey && apiKey->isMap())
            visitApiKey(*apiKey);
    }

    static bool isLocalUrl(const QString &url)
    {
        const QString host = QUrl(url).host().toLower();
        return host == QLatin1StringView("localhost") || host.startsWith(QLatin1StringView("127."))
            || host == QLatin1StringView("::1") || host.endsWith(QLatin1StringView(".svc"))
            || host.endsWith(QLatin1StringView(".svc.cluster.local"))
            || host.endsWith(QLatin1StringView(".local"))
            || host.endsWith(QLatin1StringView(".internal")) || !host.contains(u'.');
    }

    void visitJwt(const Yaml::Node &jwt)
    {
        const Yaml::Node::Entry *e = jwt.entry("jwksUrl");
        if (m_options.offline) {
            auto offline = [&](const Yaml::Node *url, const QString &field, const Yaml::Mark &m) {
                if (!url || !url->isScalar() || isLocalUrl(QString::fromStdString(url->text())))
                    return;
                manual("jwt-jwksurl-offline", field, m,
                       QStringLiteral("an offline cluster cannot fetch %1: put the JWKS itself in "
                                      "jwt.jwksFile (and remove the URL)")
                           .arg(QString::fromStdString(url->text())));
            };
            if (e)
                offline(e->value.get(), QStringLiteral("spec.jwt.jwksUrl"), e->keyMark);
            if (const Yaml::Node *ti = jwt.get("trustedIssuers"); ti && ti->isSequence())
                for (size_t i = 0; i < ti->items.size(); ++i)
                    if (ti->items[i]->isMap())
                        offline(ti->items[i]->get("jwksUrl"),
                                QStringLiteral("spec.jwt.trustedIssuers[%1].jwksUrl").arg(i),
                                ti->items[i]->mark);
            if (e)
                return; // the URL goes; moving it under trustedIssuers would not help
        }
        if (!e)
            return;
        const QString field = QStringLiteral("spec.jwt.jwksUrl");
        if (jwt.has("trustedIssuers")) {
            manual("jwt-jwksurl", field, e->keyMark,
                   QStringLiteral("jwt.jwksUrl is deprecated and trustedIssuers is set too: add "
                                  "it as a trustedIssuers entry by hand"));
            return;
        }
        auto key = keyRange(*m_ix, *e);
        auto value = scalarRange(*m_ix, e->value.get());
        std::optional<std::vector<TextEdit>> edits;
        if (key && value && m_ix->lineOf(key->offset) == m_ix->lineOf(value->offset)) {
            if (auto indent = m_ix->indentBefore(key->offset); indent && !jwt.flow) {
                // Block style: `jwksUrl: U` becomes `trustedIssuers:` and `  - jwksUrl: U`.
                const QByteArray pad(*indent, ' ');
                edits = std::vector<TextEdit> {
                    {key->offset, key->length, "trustedIssuers:" + eol() + pad + "  - jwksUrl"}};
            } else if (jwt.flow) {
                edits = std::vector<TextEdit> {
                    {key->offset, key->length, "trustedIssuers: [{jwksUrl"},
                    {value->end(), 0, "}]"}};
            }
        }
        automatic("jwt-jwksurl", field, e->keyMark,
                  QStringLiteral("jwt.jwksUrl → jwt.trustedIssuers: [{jwksUrl: …}] (no issuer: "
                                 "any iss is accepted, as before)"),
                  edits);
    }

    void visitApiKey(const Yaml::Node &apiKey)
    {
        const Yaml::Node::Entry *header = apiKey.entry("header");
        const Yaml::Node::Entry *query = apiKey.entry("query");
        if (!header && !query)
            return;
        const Yaml::Node::Entry *first = header && query
            ? (header->keyMark.line <= query->keyMark.line ? header : query)
            : (header ? header : query);
        const QString field = QStringLiteral("spec.apiKey.") + QString::fromStdString(first->key);
        if (apiKey.has("keySource")) {
            manual("apikey-source", field, first->keyMark,
                   QStringLiteral("apiKey.%1 and apiKey.keySource are both set: move it into "
                                  "keySource by hand")
                       .arg(QString::fromStdString(first->key)));
            return;
        }
        const QString message = QStringLiteral("apiKey.%1 → apiKey.keySource.%1")
                                    .arg(header && query ? QStringLiteral("{header, query}")
                                                         : QString::fromStdString(first->key));
        std::optional<std::vector<TextEdit>> edits;
        auto k1 = keyRange(*m_ix, *first);
        if (k1 && !apiKey.flow) {
            if (auto indent = m_ix->indentBefore(k1->offset)) {
                const QByteArray pad(*indent, ' ');
                std::vector<TextEdit> out {{k1->offset, 0, "keySource:" + eol() + pad + "  "}};
                bool ok = true;
                if (header && query) {
                    // The second must be the very next line, to move under keySource with it.
                    const Yaml::Node::Entry *second = first == header ? query : header;
                    auto k2 = keyRange(*m_ix, *second);
                    ok = k2 && m_ix->indentBefore(k2->offset) == indent
                        && m_ix->lineOf(k2->offset) == m_ix->lineOf(k1->offset) + 1
                        && first->value->isScalar();
                    if (ok)
                        out.push_back({k2->offset, 0, "  "});
                }
                if (ok && first->value->isScalar())
                    edits = out;
            }
        }
        automatic("apikey-source", field, first->keyMark, message, edits);
    }

    MigrationPlan finish()
    {
        MigrationPlan plan;
        std::stable_sort(m_findings.begin(), m_findings.end(),
                         [](const MigrationFinding &a, const MigrationFinding &b) {
                             return std::tie(a.file, a.mark.line, a.mark.column)
                                 < std::tie(b.file, b.mark.line, b.mark.column);
                         });
        // Per file: keep edits that do not overlap earlier ones, then check the result parses.
        QHash<QString, std::vector<MigrationFinding *>> byFile;
        for (MigrationFinding &f : m_findings) {
            if (!f.automatic)
                continue;
            std::vector<MigrationFinding *> &kept = byFile[f.file];
            const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](MigrationFinding *k) {
                for (const TextEdit &a : k->edits)
                    for (const TextEdit &b : f.edits)
                        if (a.offset < b.offset + std::max<qsizetype>(b.length, 1)
                            && b.offset < a.offset + std::max<qsizetype>(a.length, 1))
                            return true;
                return false;
            });
            if (overlaps) {
                f.automatic = false;
                f.edits.clear();
                f.message += QStringLiteral(" (touches the same text as another migration: run "
                                            "migrate again once that one is written)");
                continue;
            }
            kept.push_back(&f);
        }
        for (auto it = byFile.begin(); it != byFile.end(); ++it) {
            if (it->empty())
                continue;
            const int index = m_ws.fileIndex(it.key());
            const QByteArray &before = m_ws.files().at(size_t(index)).original;
            std::vector<const MigrationFinding *> constKept(it->begin(), it->end());
            const QByteArray after = applyEdits(before, constKept);
            if (syntaxErrors(after) > syntaxErrors(before)) {
                for (MigrationFinding *f : *it) {
                    f->automatic = false;
                    f->edits.clear();
                    f->message += QStringLiteral(" (the rewritten file would not parse: edit it "
                                                 "by hand)");
                }
                continue;
            }
            plan.before.insert(it.key(), before);
            plan.after.insert(it.key(), after);
        }
        plan.findings = std::move(m_findings);
        return plan;
    }

    static int syntaxErrors(const QByteArray &text)
    {
        const Yaml::ParsedText parsed
            = Yaml::parseYaml(std::string_view(text.constData(), size_t(text.size())));
        int n = 0;
        for (const Yaml::Document &d : parsed.documents)
            for (const Yaml::Problem &p : d.problems)
                n += p.severity == Yaml::Problem::Severity::Error;
        return n;
    }

    const Workspace &m_ws;
    MigrationOptions m_options;
    const WorkspaceFile *m_file = nullptr;
    const TextIndex *m_ix = nullptr;
    const Resource *m_r = nullptr;
    std::vector<MigrationFinding> m_findings;
};

} // namespace

MigrationPlan planMigration(const Workspace &ws, const MigrationOptions &options)
{
    return Planner(ws, options).run();
}

Status writeMigration(const MigrationPlan &plan, const QString &root)
{
    const QDir dir(root);
    for (auto it = plan.before.cbegin(); it != plan.before.cend(); ++it) {
        auto now = Io::readFile(dir.filePath(it.key()));
        if (!now)
            return now.error();
        if (*now != it.value())
            return makeError(Error::Code::Refused,
                             QStringLiteral("%1 changed on disk since it was read; nothing was "
                                            "written (run migrate again)")
                                 .arg(it.key()));
    }
    for (auto it = plan.after.cbegin(); it != plan.after.cend(); ++it)
        if (Status st = Io::writeFileAtomically(dir.filePath(it.key()), it.value()); !st)
            return st;
    return {};
}

} // namespace Airgate::GitOps
