#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes tests/conformance/cases/*.yaml: one manifest per file, each CEL rule and schema constraint of
the CRDs broken once, plus valid manifests. The header line `# expect: valid|invalid` states the
verdict both `airgatectl lint` (resource rule) and ../shared/tools/crdcheck must reach.

Run from anywhere: python3 tests/conformance/generate.py   (the files are committed)."""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases")
HUB = "hub.traefik.io/v1alpha1"
TRAEFIK = "traefik.io/v1alpha1"

cases = []


def case(kind, desc, spec, expect, api=HUB, body_key="spec", name=None):
    cases.append((kind, desc, spec.strip("\n") if spec is not None else None, expect, api, body_key, name))


def valid(kind, desc, spec, **kw):
    case(kind, desc, spec, "valid", **kw)


def invalid(kind, desc, spec, **kw):
    case(kind, desc, spec, "invalid", **kw)


# ---------------------------------------------------------------- API
OAS = "openApiSpec:\n  path: /spec.json"
valid("API", "path only", OAS)
valid("API", "url only", "openApiSpec:\n  url: https://specs.example.com/weather.json")
valid("API", "everything", """title: Weather
description: Forecasts
openApiSpec:
  url: https://specs.example.com/weather.json
  refreshInterval: 10m
  validateRequestMethodAndPath: true
  validateRequestBodySchema: false
  override:
    servers:
    - url: https://weather.example.com
  operationSets:
  - name: read
    matchers:
    - methods: [GET, HEAD]
      pathPrefix: /weather
    - pathRegex: ^/forecast/[a-z]+$
  - name: exact
    matchers:
    - path: /weather/..hidden
cors:
  allowCredentials: true
  allowHeadersList: [Authorization]
  allowMethodsList: [GET]
  allowOriginsList: ["*"]
  allowOriginListRegex: [^https://.*\\.example\\.com$]
  exposeHeadersList: [X-Ratelimit-Remaining]
  addVaryHeader: true
  maxAge: 600""")
valid("API", "versions", "versions:\n- name: v1\n- name: v2")
valid("API", "empty spec", "{}")
valid("API", "refresh one minute", "openApiSpec:\n  path: /s.json\n  refreshInterval: 1m")
valid("API", "refresh in days", "openApiSpec:\n  path: /s.json\n  refreshInterval: 1d")
valid("API", "path segment starting with dots", "openApiSpec:\n  path: /a/..b/spec.json")
invalid("API", "openApiSpec without path or url", "openApiSpec:\n  validateRequestBodySchema: true")
invalid("API", "matcher with path and pathPrefix", "openApiSpec:\n  path: /s.json\n  operationSets:\n  - name: a\n    matchers:\n    - path: /a\n      pathPrefix: /b")
invalid("API", "matcher path without slash", "openApiSpec:\n  path: /s.json\n  operationSets:\n  - name: a\n    matchers:\n    - path: a")
invalid("API", "matcher path with dot dot", "openApiSpec:\n  path: /s.json\n  operationSets:\n  - name: a\n    matchers:\n    - path: /a/../b")
invalid("API", "matcher pathPrefix without slash", "openApiSpec:\n  path: /s.json\n  operationSets:\n  - name: a\n    matchers:\n    - pathPrefix: a")
invalid("API", "matcher pathPrefix ending with dot dot", "openApiSpec:\n  path: /s.json\n  operationSets:\n  - name: a\n    matchers:\n    - pathPrefix: /a/..")
invalid("API", "override server not a url", "openApiSpec:\n  path: /s.json\n  override:\n    servers:\n    - url: not a url")
invalid("API", "path without slash", "openApiSpec:\n  path: spec.json")
invalid("API", "path with dot dot", "openApiSpec:\n  path: /x/../spec.json")
invalid("API", "refresh under a minute", "openApiSpec:\n  path: /s.json\n  refreshInterval: 30s")
invalid("API", "url not a url", "openApiSpec:\n  url: weather.json")
invalid("API", "refresh not a duration", "openApiSpec:\n  path: /s.json\n  refreshInterval: often")
invalid("API", "operation set without name", "openApiSpec:\n  path: /s.json\n  operationSets:\n  - matchers:\n    - path: /a")
invalid("API", "operation set without matchers", "openApiSpec:\n  path: /s.json\n  operationSets:\n  - name: a")
invalid("API", "operation set with empty matchers", "openApiSpec:\n  path: /s.json\n  operationSets:\n  - name: a\n    matchers: []")
invalid("API", "empty matcher object", "openApiSpec:\n  path: /s.json\n  operationSets:\n  - name: a\n    matchers:\n    - {}")
invalid("API", "eleven methods", "openApiSpec:\n  path: /s.json\n  operationSets:\n  - name: a\n    matchers:\n    - methods: [GET, PUT, POST, DELETE, PATCH, HEAD, OPTIONS, TRACE, CONNECT, LINK, UNLINK]")
invalid("API", "matcher path too long", "openApiSpec:\n  path: /s.json\n  operationSets:\n  - name: a\n    matchers:\n    - path: /" + "a" * 255)
invalid("API", "openApiSpec path too long", "openApiSpec:\n  path: /" + "a" * 255)
invalid("API", "title too long", "title: " + "t" * 254)
invalid("API", "override without servers", "openApiSpec:\n  path: /s.json\n  override: {}")
invalid("API", "override with empty servers", "openApiSpec:\n  path: /s.json\n  override:\n    servers: []")
invalid("API", "server without url", "openApiSpec:\n  path: /s.json\n  override:\n    servers:\n    - {}")
invalid("API", "empty versions", "versions: []")
invalid("API", "version without name", "versions:\n- {}")
invalid("API", "unknown field", "pathPrefix: /weather")
invalid("API", "cors maxAge not an integer", "cors:\n  maxAge: ten")
invalid("API", "validate flag not a boolean", "openApiSpec:\n  path: /s.json\n  validateRequestBodySchema: \"true\"")
invalid("API", "title not a string", "title: 12")
invalid("API", "spec not an object", "weather")

# ---------------------------------------------------------------- APIVersion
valid("APIVersion", "release", "release: v1.0.0")
valid("APIVersion", "release with prerelease and build", "release: 2.1.0-rc.1+build.5\ntitle: Beta\nopenApiSpec:\n  path: /v2.json")
valid("APIVersion", "release without v", "release: 1.2.3")
invalid("APIVersion", "release not semver", "release: v1.0")
invalid("APIVersion", "release with leading zero", "release: 01.0.0")
invalid("APIVersion", "release missing", "title: x")
invalid("APIVersion", "release too long", "release: 1.0.0-" + "a" * 100)
invalid("APIVersion", "openApiSpec without path or url", "release: 1.0.0\nopenApiSpec: {}")
invalid("APIVersion", "matchers path and pathRegex", "release: 1.0.0\nopenApiSpec:\n  path: /s.json\n  operationSets:\n  - name: a\n    matchers:\n    - path: /a\n      pathRegex: ^/a")
invalid("APIVersion", "matcher path without slash", "release: 1.0.0\nopenApiSpec:\n  path: /s.json\n  operationSets:\n  - name: a\n    matchers:\n    - path: x")
invalid("APIVersion", "matcher path dot dot", "release: 1.0.0\nopenApiSpec:\n  path: /s.json\n  operationSets:\n  - name: a\n    matchers:\n    - path: /..")
invalid("APIVersion", "matcher pathPrefix without slash", "release: 1.0.0\nopenApiSpec:\n  path: /s.json\n  operationSets:\n  - name: a\n    matchers:\n    - pathPrefix: x")
invalid("APIVersion", "matcher pathPrefix dot dot", "release: 1.0.0\nopenApiSpec:\n  path: /s.json\n  operationSets:\n  - name: a\n    matchers:\n    - pathPrefix: /../x")
invalid("APIVersion", "server url invalid port", "release: 1.0.0\nopenApiSpec:\n  path: /s.json\n  override:\n    servers:\n    - url: https://a:b:c/")
invalid("APIVersion", "path without slash", "release: 1.0.0\nopenApiSpec:\n  path: s.json")
invalid("APIVersion", "path dot dot", "release: 1.0.0\nopenApiSpec:\n  path: /a/..")
invalid("APIVersion", "refresh under a minute", "release: 1.0.0\nopenApiSpec:\n  path: /s.json\n  refreshInterval: 59s")
invalid("APIVersion", "url relative", "release: 1.0.0\nopenApiSpec:\n  url: specs/v1.json")
invalid("APIVersion", "unknown field", "release: 1.0.0\nversions: []")

# ---------------------------------------------------------------- APIBundle
valid("APIBundle", "apis", "title: Weather bundle\napis:\n- name: weather-api\n- name: forecast-api")
valid("APIBundle", "selector", "apiSelector:\n  matchLabels:\n    area: weather\n  matchExpressions:\n  - key: tier\n    operator: In\n    values: [gold]")
valid("APIBundle", "empty selector", "apiSelector: {}")
invalid("APIBundle", "duplicated apis", "apis:\n- name: a\n- name: a")
invalid("APIBundle", "api without name", "apis:\n- {}")
invalid("APIBundle", "api name too long", "apis:\n- name: " + "a" * 254)
invalid("APIBundle", "expression without operator", "apiSelector:\n  matchExpressions:\n  - key: tier")
invalid("APIBundle", "label value not a string", "apiSelector:\n  matchLabels:\n    tier: [gold]")
invalid("APIBundle", "unknown field", "apis: []\nbundles: []")

# ---------------------------------------------------------------- APIAuth
valid("APIAuth", "api key", "isDefault: true\napiKey: {}")
valid("APIAuth", "api key source header", "isDefault: true\napiKey:\n  keySource:\n    header: Authorization\n    headerAuthScheme: Bearer")
valid("APIAuth", "api key source query", "isDefault: false\napiKey:\n  keySource:\n    query: key")
valid("APIAuth", "keyless", "isDefault: true\nkeyless: {}")
valid("APIAuth", "jwt public key", "isDefault: true\njwt:\n  appIdClaim: azp\n  publicKey: |\n    -----BEGIN PUBLIC KEY-----\n    MCowBQYDK2VwAyEA\n    -----END PUBLIC KEY-----")
valid("APIAuth", "jwt signing secret", "isDefault: true\njwt:\n  appIdClaim: client_id\n  signingSecretName: jwt-signing\n  stripAuthorizationHeader: true\n  tokenQueryKey: token\n  forwardHeaders:\n    X-User: sub")
valid("APIAuth", "jwt jwks file", "isDefault: true\njwt:\n  appIdClaim: azp\n  jwksFile: '{\"keys\": []}'")
valid("APIAuth", "jwt jwks url", "isDefault: true\njwt:\n  appIdClaim: azp\n  jwksUrl: https://idp.example.com/jwks.json\n  clientConfig:\n    maxRetries: 2\n    timeoutSeconds: 3")
valid("APIAuth", "jwt trusted issuers", "isDefault: true\njwt:\n  appIdClaim: azp\n  trustedIssuers:\n  - issuer: https://idp.example.com/\n    jwksUrl: https://idp.example.com/jwks.json\n  - jwksUrl: https://other.example.com/jwks.json")
valid("APIAuth", "ldap", "isDefault: true\nldap:\n  url: ldaps://ldap.example.com:636\n  baseDn: dc=example,dc=com\n  attribute: uid")
invalid("APIAuth", "no method", "isDefault: true")
invalid("APIAuth", "two methods", "isDefault: true\napiKey: {}\nkeyless: {}")
invalid("APIAuth", "isDefault missing", "apiKey: {}")
invalid("APIAuth", "isDefault not a boolean", "isDefault: sometimes\napiKey: {}")
invalid("APIAuth", "headerAuthScheme on another header", "isDefault: true\napiKey:\n  keySource:\n    header: X-Api-Key\n    headerAuthScheme: Bearer")
invalid("APIAuth", "empty key source", "isDefault: true\napiKey:\n  keySource: {}")
invalid("APIAuth", "jwt two key sources", "isDefault: true\njwt:\n  appIdClaim: azp\n  publicKey: k\n  jwksFile: f")
invalid("APIAuth", "jwt no key source", "isDefault: true\njwt:\n  appIdClaim: azp")
invalid("APIAuth", "jwt empty trusted issuers", "isDefault: true\njwt:\n  appIdClaim: azp\n  trustedIssuers: []")
invalid("APIAuth", "jwt two issuers without issuer", "isDefault: true\njwt:\n  appIdClaim: azp\n  trustedIssuers:\n  - jwksUrl: https://a.example.com/jwks\n  - jwksUrl: https://b.example.com/jwks")
invalid("APIAuth", "jwt jwks url over http", "isDefault: true\njwt:\n  appIdClaim: azp\n  jwksUrl: http://idp.example.com/jwks.json")
invalid("APIAuth", "jwt trusted issuer over http", "isDefault: true\njwt:\n  appIdClaim: azp\n  trustedIssuers:\n  - jwksUrl: http://idp.example.com/jwks.json")
invalid("APIAuth", "jwt without appIdClaim", "isDefault: true\njwt:\n  publicKey: k")
invalid("APIAuth", "trusted issuer without jwksUrl", "isDefault: true\njwt:\n  appIdClaim: azp\n  trustedIssuers:\n  - issuer: https://idp.example.com/")
invalid("APIAuth", "signing secret name too long", "isDefault: true\njwt:\n  appIdClaim: azp\n  signingSecretName: " + "s" * 254)
invalid("APIAuth", "ldap url not ldap", "isDefault: true\nldap:\n  url: https://ldap.example.com\n  baseDn: dc=example")
invalid("APIAuth", "ldap without baseDn", "isDefault: true\nldap:\n  url: ldap://ldap.example.com")
invalid("APIAuth", "retries not an integer", "isDefault: true\njwt:\n  appIdClaim: azp\n  publicKey: k\n  clientConfig:\n    maxRetries: three")
invalid("APIAuth", "unknown jwt field", "isDefault: true\njwt:\n  appIdClaim: azp\n  publicKey: k\n  audience: api")
invalid("APIAuth", "forward headers not strings", "isDefault: true\njwt:\n  appIdClaim: azp\n  publicKey: k\n  forwardHeaders:\n    X-Roles: [a, b]")

# ---------------------------------------------------------------- APIPortal
valid("APIPortal", "minimal", "trustedUrls:\n- https://portal.example.com")
valid("APIPortal", "full", "title: Portal\ndescription: APIs\ntrustedUrls:\n- https://portal.example.com\nui:\n  logoUrl: https://portal.example.com/logo.svg\nauth:\n  name: portal-auth")
invalid("APIPortal", "trusted url not a url", "trustedUrls:\n- portal.example.com")
invalid("APIPortal", "no trusted urls field", "title: Portal")
invalid("APIPortal", "two trusted urls", "trustedUrls:\n- https://a.example.com\n- https://b.example.com")
invalid("APIPortal", "empty trusted urls", "trustedUrls: []")
invalid("APIPortal", "auth without name", "trustedUrls:\n- https://portal.example.com\nauth: {}")
invalid("APIPortal", "unknown ui field", "trustedUrls:\n- https://portal.example.com\nui:\n  theme: dark")

# ---------------------------------------------------------------- APIPortalAuth
OIDC = "oidc:\n  issuerUrl: https://idp.example.com/\n  secretName: portal-oidc\n  claims:\n    groups: groups"
valid("APIPortalAuth", "oidc", OIDC)
valid("APIPortalAuth", "oidc full", OIDC + "\n    userId: sub\n    email: email\n    firstname: given_name\n    lastname: family_name\n    company: org\n  scopes: [openid, profile]\n  clientConfig:\n    timeoutSeconds: 10")
valid("APIPortalAuth", "ldap", "ldap:\n  url: ldap://ldap.example.com\n  baseDn: dc=example,dc=com\n  groups:\n    memberOfAttribute: memberOf\n  attributes:\n    email: mail")
invalid("APIPortalAuth", "both oidc and ldap", OIDC + "\nldap:\n  url: ldap://ldap.example.com\n  baseDn: dc=example")
invalid("APIPortalAuth", "neither", "{}")
invalid("APIPortalAuth", "ldap url not ldap", "ldap:\n  url: http://ldap.example.com\n  baseDn: dc=example")
invalid("APIPortalAuth", "issuer not a url", "oidc:\n  issuerUrl: idp\n  secretName: s\n  claims:\n    groups: groups")
invalid("APIPortalAuth", "oidc without claims", "oidc:\n  issuerUrl: https://idp.example.com/\n  secretName: s")
invalid("APIPortalAuth", "claims without groups", "oidc:\n  issuerUrl: https://idp.example.com/\n  secretName: s\n  claims:\n    userId: sub")
invalid("APIPortalAuth", "oidc without secret name", "oidc:\n  issuerUrl: https://idp.example.com/\n  claims:\n    groups: groups")
invalid("APIPortalAuth", "oidc without issuer", "oidc:\n  secretName: s\n  claims:\n    groups: groups")
invalid("APIPortalAuth", "synced attribute unknown", OIDC + "\n  syncedAttributes: [groups, phone]")
invalid("APIPortalAuth", "seven synced attributes", OIDC + "\n  syncedAttributes: [groups, userId, firstname, lastname, email, company, groups]")
invalid("APIPortalAuth", "scopes not a list", OIDC + "\n  scopes: openid")

# ---------------------------------------------------------------- APIPlan
valid("APIPlan", "rate limit", "title: Standard\nrateLimit:\n  limit: 100\n  period: 1s")
valid("APIPlan", "quota and buckets", "title: Gold\ndescription: More\nrateLimit:\n  limit: 10\n  period: 1h\n  bucket: application-api\nquota:\n  limit: 100000\n  period: 720h\n  bucket: application")
valid("APIPlan", "zero limits", "title: Closed\nrateLimit:\n  limit: 0\nquota:\n  limit: 0")
valid("APIPlan", "quota in days", "title: Daily\nquota:\n  limit: 1000\n  period: 1d")
valid("APIPlan", "title only", "title: Free")
invalid("APIPlan", "negative quota limit", "title: t\nquota:\n  limit: -1")
invalid("APIPlan", "quota period too long", "title: t\nquota:\n  limit: 1\n  period: 10000h")
invalid("APIPlan", "quota period under a second", "title: t\nquota:\n  limit: 1\n  period: 500ms")
invalid("APIPlan", "negative rate limit", "title: t\nrateLimit:\n  limit: -5")
invalid("APIPlan", "rate period over an hour", "title: t\nrateLimit:\n  limit: 1\n  period: 2h")
invalid("APIPlan", "rate period under a second", "title: t\nrateLimit:\n  limit: 1\n  period: 100ms")
invalid("APIPlan", "title missing", "rateLimit:\n  limit: 1")
invalid("APIPlan", "rate limit without limit", "title: t\nrateLimit:\n  period: 1s")
invalid("APIPlan", "quota without limit", "title: t\nquota:\n  period: 1h")
invalid("APIPlan", "bucket unknown", "title: t\nrateLimit:\n  limit: 1\n  bucket: per-user")
invalid("APIPlan", "requests from older docs", "title: t\nrateLimit:\n  requests: 100\n  period: 1s")
invalid("APIPlan", "limit as string", "title: t\nrateLimit:\n  limit: \"100\"")
invalid("APIPlan", "period not a duration", "title: t\nrateLimit:\n  limit: 1\n  period: hourly")

# ---------------------------------------------------------------- APICatalogItem
valid("APICatalogItem", "everyone", "everyone: true\napis:\n- name: weather-api\napiPlan:\n  name: standard-plan")
valid("APICatalogItem", "groups", "groups: [partners, internal]\napiBundles:\n- name: weather\napiSelector:\n  matchLabels:\n    area: weather\noperationFilter:\n  include: [read]")
valid("APICatalogItem", "everyone false with groups", "everyone: false\ngroups: [partners]\napis:\n- name: a")
valid("APICatalogItem", "empty operation filter", "everyone: true\noperationFilter: {}")
invalid("APICatalogItem", "everyone and groups", "everyone: true\ngroups: [partners]")
invalid("APICatalogItem", "neither everyone nor groups", "apis:\n- name: a")
invalid("APICatalogItem", "everyone false alone", "everyone: false")
invalid("APICatalogItem", "empty groups", "groups: []")
invalid("APICatalogItem", "duplicated api bundles", "everyone: true\napiBundles:\n- name: b\n- name: b")
invalid("APICatalogItem", "duplicated apis", "everyone: true\napis:\n- name: a\n- name: b\n- name: a")
invalid("APICatalogItem", "plan without name", "everyone: true\napiPlan: {}")
invalid("APICatalogItem", "bundle without name", "everyone: true\napiBundles:\n- {}")
invalid("APICatalogItem", "groups not strings", "groups:\n- {name: partners}")
invalid("APICatalogItem", "unknown field", "everyone: true\nplan:\n  name: standard")

# ---------------------------------------------------------------- ManagedApplication
valid("ManagedApplication", "secret key", "appId: partner-app-id\nowner: 67f67907ee260b44336a952e\napiKeys:\n- secretName: partner-app-key\n  title: Production\n  suspended: false")
valid("ManagedApplication", "inline key", "appId: a\nowner: o\nnotes: rotated in March\napiKeys:\n- value: " + "ab" * 64)
valid("ManagedApplication", "no keys", "appId: jwt-client\nowner: alice")
invalid("ManagedApplication", "secret and value", "appId: a\nowner: o\napiKeys:\n- secretName: s\n  value: v")
invalid("ManagedApplication", "appId missing", "owner: o")
invalid("ManagedApplication", "owner missing", "appId: a")
invalid("ManagedApplication", "appId too long", "appId: " + "a" * 254 + "\nowner: o")
invalid("ManagedApplication", "value too long", "appId: a\nowner: o\napiKeys:\n- value: " + "v" * 4097)
invalid("ManagedApplication", "suspended not a boolean", "appId: a\nowner: o\napiKeys:\n- secretName: s\n  suspended: \"no\"")
invalid("ManagedApplication", "keys not a list", "appId: a\nowner: o\napiKeys: s")

# ---------------------------------------------------------------- ManagedSubscription
valid("ManagedSubscription", "applications and apis", "managedApplications:\n- name: partner-app\napis:\n- name: weather-api\napiPlan:\n  name: standard-plan")
valid("ManagedSubscription", "selectors, bundles, filter, weight", "managedApplicationSelector:\n  matchLabels:\n    tier: gold\napiSelector:\n  matchExpressions:\n  - key: area\n    operator: Exists\napiBundles:\n- name: weather\napiPlan:\n  name: gold\noperationFilter:\n  include: [read]\nweight: 10\nclaims: Equals(`group`, `admin`)")
valid("ManagedSubscription", "deprecated applications", "applications:\n- appId: partner-app-id\napis:\n- name: weather-api\napiPlan:\n  name: standard-plan")
valid("ManagedSubscription", "zero weight", "apis:\n- name: a\napiPlan:\n  name: p\nweight: 0")
invalid("ManagedSubscription", "plan missing", "apis:\n- name: a")
invalid("ManagedSubscription", "plan without name", "apis:\n- name: a\napiPlan: {}")
invalid("ManagedSubscription", "duplicated bundles", "apiPlan:\n  name: p\napiBundles:\n- name: b\n- name: b")
invalid("ManagedSubscription", "duplicated apis", "apiPlan:\n  name: p\napis:\n- name: a\n- name: a")
invalid("ManagedSubscription", "duplicated applications", "apiPlan:\n  name: p\nmanagedApplications:\n- name: app\n- name: app")
invalid("ManagedSubscription", "negative weight", "apiPlan:\n  name: p\nweight: -1")
invalid("ManagedSubscription", "application without appId", "apiPlan:\n  name: p\napplications:\n- {}")
invalid("ManagedSubscription", "weight not an integer", "apiPlan:\n  name: p\nweight: high")
invalid("ManagedSubscription", "unknown field", "apiPlan:\n  name: p\nplan: gold")

# ---------------------------------------------------------------- APIRateLimit (deprecated)
valid("APIRateLimit", "everyone", "everyone: true\nlimit: 10\nperiod: 1m\nstrategy: local\napis:\n- name: a")
valid("APIRateLimit", "groups", "groups: [partners]\nlimit: 100")
invalid("APIRateLimit", "everyone and groups", "everyone: true\ngroups: [a]\nlimit: 1")
invalid("APIRateLimit", "duplicated apis", "limit: 1\napis:\n- name: a\n- name: a")
invalid("APIRateLimit", "negative limit", "limit: -1")
invalid("APIRateLimit", "period too long", "limit: 1\nperiod: 61m")
invalid("APIRateLimit", "limit missing", "everyone: true")
invalid("APIRateLimit", "strategy unknown", "limit: 1\nstrategy: global")

# ---------------------------------------------------------------- IngressRoute
ROUTE = "routes:\n- match: Host(`weather.example.com`)\n  kind: Rule\n  services:\n  - name: weather-app\n    port: 8080"
valid("IngressRoute", "one route", "entryPoints: [web]\n" + ROUTE, api=TRAEFIK)
valid("IngressRoute", "named port, priority, middlewares, tls", "entryPoints: [websecure]\nroutes:\n- match: Host(`a.example.com`) && PathPrefix(`/v1`)\n  priority: 100\n  middlewares:\n  - name: strip\n  services:\n  - name: app\n    port: http\n    passHostHeader: false\n    weight: 3\n    scheme: http\ntls:\n  secretName: a-tls", api=TRAEFIK)
valid("IngressRoute", "portal service", "routes:\n- match: Host(`portal.example.com`)\n  services:\n  - name: apiportal\n    namespace: traefik\n    port: 9903", api=TRAEFIK)
invalid("IngressRoute", "no routes", "entryPoints: [web]", api=TRAEFIK)
invalid("IngressRoute", "route without match", "routes:\n- services:\n  - name: a\n    port: 80", api=TRAEFIK)
invalid("IngressRoute", "service without name", "routes:\n- match: Host(`a`)\n  services:\n  - port: 80", api=TRAEFIK)
invalid("IngressRoute", "route kind unknown", "routes:\n- match: Host(`a`)\n  kind: Match", api=TRAEFIK)
invalid("IngressRoute", "service kind unknown", "routes:\n- match: Host(`a`)\n  services:\n  - name: a\n    kind: Deployment", api=TRAEFIK)
invalid("IngressRoute", "port as list", "routes:\n- match: Host(`a`)\n  services:\n  - name: a\n    port: [80]", api=TRAEFIK)
invalid("IngressRoute", "negative weight", "routes:\n- match: Host(`a`)\n  services:\n  - name: a\n    port: 80\n    weight: -1", api=TRAEFIK)
invalid("IngressRoute", "priority not a number", "routes:\n- match: Host(`a`)\n  priority: high", api=TRAEFIK)
invalid("IngressRoute", "tls options without name", "tls:\n  options: {}\n" + ROUTE, api=TRAEFIK)
invalid("IngressRoute", "unknown field", "hosts: [a]\n" + ROUTE, api=TRAEFIK)
invalid("IngressRoute", "spec missing", None, api=TRAEFIK)

# ---------------------------------------------------------------- Middleware
valid("Middleware", "add prefix", "addPrefix:\n  prefix: /api", api=TRAEFIK)
valid("Middleware", "strip prefix", "stripPrefix:\n  prefixes: [/weather]", api=TRAEFIK)
valid("Middleware", "headers", "headers:\n  customRequestHeaders:\n    X-Env: prod", api=TRAEFIK)
invalid("Middleware", "add prefix without slash", "addPrefix:\n  prefix: api", api=TRAEFIK)
invalid("Middleware", "unknown middleware", "rewrite:\n  path: /x", api=TRAEFIK)
invalid("Middleware", "strip prefixes not a list", "stripPrefix:\n  prefixes: /weather", api=TRAEFIK)

# ---------------------------------------------------------------- core v1
valid("Secret", "data", "type: Opaque\ndata:\n  key: " + "NzJiZjE2ZGRlY2I3YTNlYzA0YjVj", api="v1", body_key=None)
valid("Secret", "string data", "stringData:\n  clientId: portal\n  clientSecret: \"<set on the cluster>\"", api="v1", body_key=None)
valid("Secret", "tls", "type: kubernetes.io/tls\ndata:\n  tls.crt: Y2VydA==\n  tls.key: a2V5", api="v1", body_key=None)
invalid("Secret", "data not base64", "data:\n  clientId: <base64-encoded-client-id>", api="v1", body_key=None)
invalid("Secret", "data key with space", "stringData:\n  client id: x", api="v1", body_key=None)
valid("ConfigMap", "data", "data:\n  spec.json: '{}'", api="v1", body_key=None)

# ---------------------------------------------------------------- writing

def render(kind, desc, spec, api, body_key, index):
    name = "case-%03d" % index
    lines = ["apiVersion: " + api, "kind: " + kind, "metadata:", "  name: " + name, "  namespace: conformance"]
    if spec is None:
        return "\n".join(lines) + "\n"
    if body_key is None:
        lines.append(spec)
    elif "\n" not in spec and (spec.startswith("{") or spec.startswith("weather")):
        lines.append(body_key + ": " + spec)
    else:
        lines.append(body_key + ":")
        lines.extend("  " + l if l else l for l in spec.split("\n"))
    return "\n".join(lines) + "\n"


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    counts = {"valid": 0, "invalid": 0}
    for i, (kind, desc, spec, expect, api, body_key, _) in enumerate(cases, 1):
        slug = "".join(c if c.isalnum() else "-" for c in desc.lower()).strip("-")
        while "--" in slug:
            slug = slug.replace("--", "-")
        fname = "%03d-%s-%s.yaml" % (i, kind.lower(), slug)
        with open(os.path.join(OUT, fname), "w") as f:
            f.write("# expect: %s — %s %s\n" % (expect, kind, desc))
            f.write(render(kind, desc, spec, api, body_key, i))
        counts[expect] += 1
    print("wrote %d cases (%d valid, %d invalid) to %s" % (len(cases), counts["valid"], counts["invalid"], OUT))


main()
