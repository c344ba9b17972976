// SPDX-License-Identifier: Apache-2.0
// The generated workspace the benchmarks share: groups of 7 resources (API, IngressRoute, APIPlan,
// APICatalogItem, ManagedApplication, Secret, ManagedSubscription) in 20 namespaces, 50 groups per
// file, plus each namespace's default APIAuth.
#pragma once

#include "keys/apikey.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

namespace AirgateBench {

inline QByteArray group(int i)
{
    const QByteArray n = QByteArray::number(i);
    const QByteArray ns = "team-" + QByteArray::number(i % 20);
    return "apiVersion: hub.traefik.io/v1alpha1\nkind: API\nmetadata:\n  name: api-" + n
        + "\n  namespace: " + ns + "\n  labels: {area: a" + QByteArray::number(i % 7)
        + "}\nspec:\n  title: API " + n
        + "\n  openApiSpec:\n    path: /spec.json\n    operationSets:\n    - name: read\n      "
          "matchers:\n      - methods: [GET]\n        pathPrefix: /v1\n"
          "---\napiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: route-"
        + n + "\n  namespace: " + ns + "\n  annotations:\n    hub.traefik.io/api: api-" + n + "@"
        + ns + "\nspec:\n  entryPoints: [web]\n  routes:\n  - match: Host(`api-" + n
        + ".example.com`) && PathPrefix(`/v1`)\n    services:\n    - name: svc-" + n
        + "\n      port: 8080\n"
          "---\napiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\nmetadata:\n  name: plan-"
        + n + "\n  namespace: " + ns + "\nspec:\n  title: Plan " + n
        + "\n  rateLimit: {limit: 100, period: 1s}\n  quota: {limit: 10000, period: 24h, bucket: "
          "application}\n"
          "---\napiVersion: hub.traefik.io/v1alpha1\nkind: APICatalogItem\nmetadata:\n  name: item-"
        + n + "\n  namespace: " + ns + "\nspec:\n  groups: [partners]\n  apis: [{name: api-" + n
        + "}]\n  apiPlan: {name: plan-" + n
        + "}\n  operationFilter: {include: [read]}\n"
          "---\napiVersion: hub.traefik.io/v1alpha1\nkind: ManagedApplication\nmetadata:\n  name: "
          "app-"
        + n + "\n  namespace: " + ns + "\nspec:\n  appId: app-" + n + "\n  owner: owner-" + n
        + "\n  apiKeys: [{secretName: key-" + n
        + ", title: main}]\n"
          "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: key-"
        + n + "\n  namespace: " + ns
        + "\ntype: Opaque\ndata:\n  key: " + Airgate::Keys::secretDataValue(QByteArray("key-" + n))
        + "\n"
          "---\napiVersion: hub.traefik.io/v1alpha1\nkind: ManagedSubscription\nmetadata:\n  name: "
          "sub-"
        + n + "\n  namespace: " + ns + "\nspec:\n  managedApplications: [{name: app-" + n
        + "}]\n  apis: [{name: api-" + n + "}]\n  apiPlan: {name: plan-" + n + "}\n  weight: 1\n";
}

inline constexpr int kPerGroup = 7;

inline QString generate(const QString &dir, int resources)
{
    const int groups = (resources + kPerGroup - 1) / kPerGroup;
    const int perFile = 50;
    for (int start = 0; start < groups; start += perFile) {
        QByteArray text;
        for (int i = start; i < std::min(groups, start + perFile); ++i)
            text += (text.isEmpty() ? "" : "---\n") + group(i);
        QDir().mkpath(dir + QStringLiteral("/team-%1").arg(start / perFile % 20));
        QFile f(dir + QStringLiteral("/team-%1/apis-%2.yaml").arg(start / perFile % 20).arg(start));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(text);
    }
    // Namespaces need their default APIAuth (offline rule).
    QByteArray auths;
    for (int t = 0; t < 20; ++t)
        auths += "---\napiVersion: hub.traefik.io/v1alpha1\nkind: APIAuth\nmetadata:\n  name: "
                 "default-auth\n  namespace: team-"
            + QByteArray::number(t) + "\nspec:\n  isDefault: true\n  apiKey: {}\n";
    QFile f(dir + QStringLiteral("/auth.yaml"));
    if (f.open(QIODevice::WriteOnly))
        f.write(auths);
    return dir;
}

} // namespace AirgateBench
