// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "yamlnode.h"

#include <QByteArray>

#include <string>
#include <vector>

namespace Airgate::Yaml {

/**
 * @brief A compact binary form (CBOR) of parsed YAML documents.
 *
 * The CRD schemas compiled into Airgate are parsed at build time and stored this way: reading
 * them back costs a small fraction of parsing the YAML again at every start. Scalars keep their
 * text, resolved type and quoting; maps keep their key order. Source marks are not stored.
 */
QByteArray documentsToCbor(const std::vector<NodePtr> &documents);

/** @return the documents, or an empty list with @p error set when @p cbor is not such a form. */
std::vector<NodePtr> documentsFromCbor(const QByteArray &cbor, std::string &error);

} // namespace Airgate::Yaml
