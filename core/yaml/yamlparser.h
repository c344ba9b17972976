// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "yamlnode.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace Airgate::Yaml {

/** @brief Bounds that keep a hostile or broken file from costing unbounded time or memory. */
struct ParseLimits
{
    /// Nesting deeper than this is refused (Kubernetes objects are rarely deeper than 20).
    int maxDepth = 256;
    /// Alias expansion is refused past this many nodes ("billion laughs")...
    std::size_t maxExpandedNodes = 2'000'000;
    /// ...or past this ratio of expanded to written nodes once above `aliasRatioFloor`.
    std::size_t maxAliasRatio = 20;
    std::size_t aliasRatioFloor = 100'000;
};

/** @brief A problem found while reading YAML text. */
struct Problem
{
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    Mark mark;
    std::string message;
};

/**
 * @brief One YAML document of a file: its exact byte range (for byte-identical
 * saves), the text before its content (comments, `---`), and its tree.
 */
struct Document
{
    int index = 0; ///< 0-based position in the file
    std::size_t begin = 0; ///< first byte of the chunk (comments and `---` included)
    std::size_t end = 0; ///< one past the last byte of the chunk
    std::size_t contentBegin = 0; ///< first byte of the document content
    int firstLine = 1; ///< 1-based line of `begin`
    int contentLine = 1; ///< 1-based line of `contentBegin`
    bool empty = true; ///< only comments, blanks and markers
    bool failed = false; ///< a syntax or limit error; root is null
    NodePtr root;
    std::vector<Problem> problems;
};

/** @brief Every document of one file, in order. */
struct ParsedText
{
    bool hadBom = false;
    std::vector<Document> documents;
};

/**
 * Parses multi-document YAML text. Never throws; every problem (syntax errors with
 * line:column, duplicate keys, tabs used for indentation, invalid UTF-8, control
 * characters, alias bombs, excessive nesting) becomes a Problem on its document.
 * Documents are split at `---` / `...` lines so one broken document never hides another.
 */
ParsedText parseYaml(std::string_view text, const ParseLimits &limits = {});

/** Parses text holding exactly one document (for editors); problems go to @p problems. */
NodePtr parseSingleDocument(std::string_view text, std::vector<Problem> &problems,
                            const ParseLimits &limits = {});

/** @return the byte offset of the first invalid UTF-8 sequence, or npos. */
std::size_t findInvalidUtf8(std::string_view text);

} // namespace Airgate::Yaml
