// SPDX-License-Identifier: Apache-2.0
#include "references.h"

#include "model/resolver.h"

#include <QRegularExpression>

namespace Airgate::Console {

namespace {

struct Pattern
{
    Kind from;
    const char *regex; ///< over the field path, list indexes as [N]
    Kind to;
};

const QList<Pattern> &patterns()
{
    static const QList<Pattern> p {
        {Kind::API, R"(^spec\.versions\[\d+\]\.name$)", Kind::APIVersion},
        {Kind::APIBundle, R"(^spec\.apis\[\d+\]\.name$)", Kind::API},
        {Kind::APICatalogItem, R"(^spec\.apis\[\d+\]\.name$)", Kind::API},
        {Kind::APICatalogItem, R"(^spec\.apiBundles\[\d+\]\.name$)", Kind::APIBundle},
        {Kind::APICatalogItem, R"(^spec\.apiPlan\.name$)", Kind::APIPlan},
        {Kind::ManagedSubscription, R"(^spec\.apis\[\d+\]\.name$)", Kind::API},
        {Kind::ManagedSubscription, R"(^spec\.apiBundles\[\d+\]\.name$)", Kind::APIBundle},
        {Kind::ManagedSubscription, R"(^spec\.apiPlan\.name$)", Kind::APIPlan},
        {Kind::ManagedSubscription, R"(^spec\.managedApplications\[\d+\]\.name$)",
         Kind::ManagedApplication},
        {Kind::APIRateLimit, R"(^spec\.apis\[\d+\]\.name$)", Kind::API},
        {Kind::APIPortal, R"(^spec\.auth\.name$)", Kind::APIPortalAuth},
        {Kind::APIPortalAuth, R"(^spec\.oidc\.secretName$)", Kind::Secret},
        {Kind::APIPortalAuth, R"(^spec\.ldap\.bindPasswordSecretName$)", Kind::Secret},
        {Kind::APIAuth, R"(^spec\.jwt\.signingSecretName$)", Kind::Secret},
        {Kind::APIAuth, R"(^spec\.ldap\.bindPasswordSecretName$)", Kind::Secret},
        {Kind::ManagedApplication, R"(^spec\.apiKeys\[\d+\]\.secretName$)", Kind::Secret},
        {Kind::IngressRoute, R"(^spec\.routes\[\d+\]\.middlewares\[\d+\]\.name$)",
         Kind::Middleware},
        {Kind::IngressRoute, R"(^spec\.tls\.secretName$)", Kind::Secret},
    };
    return p;
}

void walk(const Resource &r, const Yaml::Node *n, const QString &path, QList<ReferenceSite> &out)
{
    if (!n)
        return;
    if (n->isScalar()) {
        const Kind to = referencedKind(r.kind, path);
        if (to != Kind::Unknown && !n->value.empty()) {
            out << ReferenceSite {&r, path, to, r.ns, QString::fromStdString(n->value), false};
        }
        return;
    }
    if (n->isMap())
        for (const auto &e : n->entries)
            walk(r, e.value.get(),
                 path.isEmpty() ? QString::fromStdString(e.key)
                                : path + u'.' + QString::fromStdString(e.key),
                 out);
    else if (n->isSequence())
        for (size_t i = 0; i < n->items.size(); ++i)
            walk(r, n->items[i].get(), path + u'[' + QString::number(i) + u']', out);
}

} // namespace

Kind referencedKind(Kind from, const QString &fieldPath)
{
    for (const Pattern &p : patterns()) {
        if (p.from != from)
            continue;
        static thread_local QHash<const char *, QRegularExpression> cache;
        auto it = cache.find(p.regex);
        if (it == cache.end())
            it = cache.insert(p.regex, QRegularExpression(QLatin1StringView(p.regex).toString()));
        if (it->match(fieldPath).hasMatch())
            return p.to;
    }
    return Kind::Unknown;
}

QList<ReferenceSite> referenceSites(const Workspace &ws)
{
    QList<ReferenceSite> out;
    for (const Resource &r : ws.resources()) {
        if (const Yaml::Node *spec = r.spec())
            walk(r, spec, QStringLiteral("spec"), out);
        if (r.kind == Kind::IngressRoute) {
            struct A
            {
                const QString &key;
                Kind kind;
            };
            for (const A &a :
                 {A {kApiAnnotation, Kind::API}, A {kApiVersionAnnotation, Kind::APIVersion},
                  A {kApiPortalAnnotation, Kind::APIPortal}}) {
                if (!r.annotations.contains(a.key))
                    continue;
                const AnnotationRef ref = parseAnnotationRef(r.annotations.value(a.key), r.ns);
                out << ReferenceSite {
                    &r,       QStringLiteral("metadata.annotations[%1]").arg(a.key),
                    a.kind,   ref.ns,
                    ref.name, true};
            }
        }
    }
    return out;
}

} // namespace Airgate::Console
