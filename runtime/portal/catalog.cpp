// SPDX-License-Identifier: Apache-2.0
#include "catalog.h"

#include "model/resolver.h"
#include "model/specs.h"

#include <QHash>
#include <QSet>

namespace Airgate::Runtime::Portal {

QString PortalUser::displayName() const
{
    const QString full = QString(firstName + u' ' + lastName).trimmed();
    if (!full.isEmpty())
        return full;
    return email.isEmpty() ? id : email;
}

QList<CatalogApi> resolveCatalog(const Workspace &ws, const QString &ns, const PortalUser &user)
{
    QList<CatalogApi> out;
    if (!user.signedIn)
        return out;
    QHash<const Resource *, int> index;
    const QSet<QString> groups(user.groups.cbegin(), user.groups.cend());
    for (const Resource *item : ws.ofKind(Kind::APICatalogItem, ns)) {
        const ApiCatalogItemSpec spec = readApiCatalogItemSpec(item->spec());
        bool visible = spec.everyone.value_or(false);
        for (const QString &g : spec.groups)
            visible = visible || groups.contains(g);
        if (!visible)
            continue;
        const ResolvedApis resolved
            = resolveApis(ws, ns, spec.apis, spec.apiSelector, spec.apiBundles);
        for (const Resource *api : resolved.apis) {
            if (api->kind != Kind::API)
                continue;
            int i = index.value(api, -1);
            if (i < 0) {
                CatalogApi c;
                c.api = api;
                c.key = api->ns + u'/' + api->name;
                const ApiSpec as = readApiSpec(api->spec());
                c.title = as.title.isEmpty() ? api->name : as.title;
                c.description = as.description;
                for (const QString &v : as.versions)
                    if (const Resource *vr = ws.find(Kind::APIVersion, api->ns, v))
                        c.versions << vr;
                c.operationSets = QStringList();
                i = static_cast<int>(out.size());
                index.insert(api, i);
                out << c;
            }
            CatalogApi &c = out[i];
            c.items << item->name;
            if (!spec.apiPlan.isEmpty() && !c.plans.contains(spec.apiPlan))
                c.plans << spec.apiPlan;
            if (!spec.operationFilter)
                c.operationSets.reset();
            else if (c.operationSets)
                for (const QString &s : *spec.operationFilter)
                    if (!c.operationSets->contains(s))
                        *c.operationSets << s;
        }
    }
    for (CatalogApi &c : out)
        c.plans.sort();
    std::sort(out.begin(), out.end(), [](const CatalogApi &a, const CatalogApi &b) {
        return a.title.localeAwareCompare(b.title) < 0 || (a.title == b.title && a.key < b.key);
    });
    return out;
}

std::optional<CatalogApi> findCatalogApi(const Workspace &ws, const QString &ns,
                                         const PortalUser &user, const QString &name)
{
    for (const CatalogApi &c : resolveCatalog(ws, ns, user))
        if (c.api->name == name)
            return c;
    return std::nullopt;
}

} // namespace Airgate::Runtime::Portal
