// SPDX-License-Identifier: Apache-2.0
#include "resolver.h"

#include <algorithm>

namespace Airgate {

namespace {

void addUnique(QList<const Resource *> &list, const Resource *r)
{
    if (r && !list.contains(r))
        list << r;
}

void addSelected(const Workspace &ws, const QString &ns, const LabelSelector &selector,
                 QList<const Resource *> &out)
{
    for (const Resource *api : ws.ofKind(Kind::API, ns))
        if (selector.matches(api->labels))
            addUnique(out, api);
}

} // namespace

ResolvedApis resolveApis(const Workspace &ws, const QString &ns, const NameList &apis,
                         const std::optional<LabelSelector> &selector, const NameList &bundles)
{
    ResolvedApis r;
    if (selector)
        addSelected(ws, ns, *selector, r.apis);
    for (const QString &name : apis) {
        if (const Resource *api = ws.find(Kind::API, ns, name))
            addUnique(r.apis, api);
        else
            r.unresolvedApis << name;
    }
    for (const QString &b : bundles) {
        const Resource *bundle = ws.find(Kind::APIBundle, ns, b);
        if (!bundle) {
            r.unresolvedBundles << b;
            continue;
        }
        const ApiBundleSpec spec = readApiBundleSpec(bundle->spec());
        if (spec.apiSelector)
            addSelected(ws, ns, *spec.apiSelector, r.apis);
        for (const QString &name : spec.apis) {
            if (const Resource *api = ws.find(Kind::API, ns, name))
                addUnique(r.apis, api);
            else if (!r.unresolvedApis.contains(name))
                r.unresolvedApis << name;
        }
    }
    return r;
}

ResolvedApplications resolveApplications(const Workspace &ws, const QString &ns,
                                         const ManagedSubscriptionSpec &spec)
{
    ResolvedApplications r;
    if (spec.managedApplicationSelector)
        for (const Resource *app : ws.ofKind(Kind::ManagedApplication, ns))
            if (spec.managedApplicationSelector->matches(app->labels))
                addUnique(r.applications, app);
    for (const QString &name : spec.managedApplications) {
        if (const Resource *app = ws.find(Kind::ManagedApplication, ns, name))
            addUnique(r.applications, app);
        else
            r.unresolvedNames << name;
    }
    for (const QString &appId : spec.applicationAppIds) {
        bool found = false;
        for (const Resource *app : ws.ofKind(Kind::ManagedApplication, ns)) {
            if (readManagedApplicationSpec(app->spec()).appId == appId) {
                addUnique(r.applications, app);
                found = true;
            }
        }
        if (!found)
            r.unresolvedAppIds << appId;
    }
    return r;
}

const Resource *defaultApiAuth(const Workspace &ws, const QString &ns, QList<const Resource *> *all)
{
    QList<const Resource *> defaults;
    for (const Resource *auth : ws.ofKind(Kind::APIAuth, ns))
        if (readApiAuthSpec(auth->spec()).isDefault)
            defaults << auth;
    std::sort(defaults.begin(), defaults.end(),
              [](const Resource *a, const Resource *b) { return a->name < b->name; });
    if (all)
        *all = defaults;
    return defaults.isEmpty() ? nullptr : defaults.first();
}

AnnotationRef parseAnnotationRef(const QString &value, const QString &defaultNs)
{
    AnnotationRef ref;
    const QString v = value.trimmed();
    const qsizetype at = v.lastIndexOf(u'@');
    if (at > 0) {
        ref.name = v.left(at);
        ref.ns = v.mid(at + 1);
        ref.explicitNamespace = true;
    } else {
        ref.name = v;
        ref.ns = defaultNs;
    }
    return ref;
}

} // namespace Airgate
