// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "schema.h"
#include "yaml/yamlnode.h"

#include <string>
#include <vector>

namespace Airgate::Schema {

/**
 * @brief One validation failure in Kubernetes' field.Error shape; text() renders it
 * exactly as the API server does (`spec.jwt: Invalid value: "object": exactly one of …`).
 */
struct FieldError
{
    enum class Type {
        Required,
        Invalid,
        TypeInvalid,
        NotSupported,
        TooLong,
        TooMany,
        Duplicate,
        Forbidden,
        UnknownField
    };
    Type type = Type::Invalid;
    std::string field; ///< "spec.apiKeys[0].value"
    std::string badValue; ///< already rendered ("\"object\"", "0"); empty when omitted
    std::string detail;
    std::string hint; ///< a suggestion of ours, kept apart from the Kubernetes text
    Yaml::Mark mark;
    bool warning = false; ///< informational (e.g. a null that the API server drops)

    std::string text() const;
};

/** @brief Options for validateObject. */
struct ValidateOptions
{
    bool checkUnknownFields = true;
    bool checkYaml11Strings
        = true; ///< plain `yes`/`on`/`0b1` in string fields, as kubectl reads them
};

/**
 * Validates @p object (a whole manifest) against @p kind: the structural schema (types,
 * required, enum, lengths, counts, formats, patterns, unknown fields) and then, when no type
 * error blocks them, every `x-kubernetes-validations` rule, in the API server's order.
 * `metadata` and `status` are not checked here (see ObjectMetaValidator).
 */
std::vector<FieldError> validateObject(const Yaml::Node &object, const KindSchema &kind,
                                       const ValidateOptions &options = {});

/** Renders a string as Go's %q would, for Kubernetes-style error text. */
std::string goQuote(const std::string &s);

} // namespace Airgate::Schema
