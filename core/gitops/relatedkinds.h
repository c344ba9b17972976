// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dumpreader.h"

#include <QSet>
#include <QString>

namespace Airgate::GitOps {

/** Whether the object is a Traefik Hub or Traefik resource (API groups hub.traefik.io, traefik.io,
 * and Traefik 2's traefik.containo.us). */
bool isHubOrTraefik(QStringView apiVersion);

/** Whether the object is a core Secret or ConfigMap (taken only when something names it). */
bool isSecretOrConfigMap(QStringView apiVersion, QStringView kind);

/**
 * "Secret|ns|name" and "ConfigMap|ns|name" for every Secret and ConfigMap the Hub and Traefik
 * objects among @p objects name: fields called `secretName`, `…SecretName`, `secret`, `secrets`,
 * `configMap`, `configMapName` anywhere in their spec (API key, OIDC, JWT signing, LDAP bind, TLS,
 * basicAuth, rootCAs…), in the object's namespace.
 */
QSet<QString> referencedConfig(const std::vector<DumpObject> &objects);

/** The key referencedConfig() uses for an object. */
QString configKey(QStringView kind, const QString &ns, const QString &name);

} // namespace Airgate::GitOps
