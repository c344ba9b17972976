// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/workspace.h"
#include "validation/validator.h"

#include <QStringList>

#include <initializer_list>
#include <utility>

namespace AirgateTest {

inline Airgate::Workspace
workspace(std::initializer_list<std::pair<const char *, const char *>> files)
{
    QList<QPair<QString, QByteArray>> list;
    for (const auto &f : files)
        list.append({QString::fromUtf8(f.first), QByteArray(f.second)});
    return Airgate::Workspace::fromFiles(QStringLiteral("/ws"), list);
}

inline Airgate::Workspace workspace(const char *text)
{
    return workspace({{"test.yaml", text}});
}

inline Airgate::Diagnostics lint(const Airgate::Workspace &ws, bool offline = true,
                                 const QSet<QString> &off = {})
{
    Airgate::ValidationOptions o;
    o.offline = offline;
    o.disabledRules = off;
    return Airgate::Validator::validate(ws, o);
}

inline Airgate::Diagnostics ofRule(const Airgate::Diagnostics &ds, const QString &rule)
{
    Airgate::Diagnostics out;
    for (const auto &d : ds)
        if (d.rule == rule)
            out << d;
    return out;
}

inline bool hasMessage(const Airgate::Diagnostics &ds, const QString &rule, const QString &part)
{
    for (const auto &d : ds)
        if (d.rule == rule && d.message.contains(part))
            return true;
    return false;
}

inline const Airgate::Diagnostic *find(const Airgate::Diagnostics &ds, const QString &rule,
                                       const QString &part)
{
    for (const auto &d : ds)
        if (d.rule == rule && d.message.contains(part))
            return &d;
    return nullptr;
}

inline QString dump(const Airgate::Diagnostics &ds)
{
    QStringList lines;
    for (const auto &d : ds)
        lines << QStringLiteral("%1:%2:%3 %4 [%5] %6")
                     .arg(d.file)
                     .arg(d.line)
                     .arg(d.column)
                     .arg(Airgate::Diagnostic::severityName(d.severity), d.rule, d.message);
    return lines.join(u'\n');
}

/// A clean namespace "apps" with auth, API, route, plan, catalog item, app, key and subscription.
inline const char *kCleanBase = R"(apiVersion: hub.traefik.io/v1alpha1
kind: APIAuth
metadata: {name: default-auth, namespace: apps}
spec: {isDefault: true, apiKey: {}}
---
apiVersion: hub.traefik.io/v1alpha1
kind: API
metadata: {name: weather-api, namespace: apps, labels: {area: weather}}
spec:
  openApiSpec:
    path: /spec.json
    operationSets:
    - name: read
      matchers: [{methods: [GET], pathPrefix: /weather}]
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: weather
  namespace: apps
  annotations: {hub.traefik.io/api: weather-api@apps}
spec:
  routes:
  - match: Host(`weather.example.com`)
    services: [{name: weather-app, port: 8080}]
---
apiVersion: hub.traefik.io/v1alpha1
kind: APIPlan
metadata: {name: std, namespace: apps}
spec: {title: Standard, rateLimit: {limit: 10, period: 1s}}
---
apiVersion: hub.traefik.io/v1alpha1
kind: APICatalogItem
metadata: {name: all, namespace: apps}
spec: {everyone: true, apis: [{name: weather-api}], apiPlan: {name: std}}
---
apiVersion: hub.traefik.io/v1alpha1
kind: ManagedApplication
metadata: {name: app, namespace: apps}
spec: {appId: app-id, owner: someone, apiKeys: [{secretName: app-key}]}
---
apiVersion: v1
kind: Secret
metadata: {name: app-key, namespace: apps}
data:
  key: NzJiZjE2ZGRlY2I3YTNlYzA0YjVjZTAyOTZmODVhMGFiOWQwNDkxMDUyNDNiNGI3OTI0YTM0MGYyNjUyM2U3ZDc0M2UyNDEyNmNlZDkzZTlkZGU2M2QxYjRmNzNjMjQyYzVmMGVkOTdjY2UzOTRhNWFlZTNlY2RiMzg2NmQ4NGY=
---
apiVersion: hub.traefik.io/v1alpha1
kind: ManagedSubscription
metadata: {name: sub, namespace: apps}
spec: {managedApplications: [{name: app}], apis: [{name: weather-api}], apiPlan: {name: std}}
)";

} // namespace AirgateTest
