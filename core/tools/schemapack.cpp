// SPDX-License-Identifier: Apache-2.0
// Build-time tool: parses the CRD and core schema YAML files once and writes them as one CBOR
// snapshot that airgate_core embeds, so no program pays for parsing ~270 KB of YAML at start.
//   airgate-schemapack OUT.cbor IN.yaml...
#include "yaml/yamlcbor.h"
#include "yaml/yamlparser.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>

using namespace Airgate::Yaml;

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: airgate-schemapack OUT.cbor IN.yaml...\n");
        return 2;
    }
    std::vector<NodePtr> documents;
    int errors = 0;
    for (int i = 2; i < argc; ++i) {
        QFile in(QString::fromLocal8Bit(argv[i]));
        if (!in.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "%s: cannot read\n", argv[i]);
            return 2;
        }
        const QByteArray text = in.readAll();
        const ParsedText parsed
            = parseYaml(std::string_view(text.constData(), static_cast<size_t>(text.size())));
        for (const Document &d : parsed.documents) {
            for (const Problem &p : d.problems) {
                std::fprintf(stderr, "%s:%d:%d: %s\n", argv[i], p.mark.line, p.mark.column,
                             p.message.c_str());
                errors += p.severity == Problem::Severity::Error;
            }
            if (d.root && !d.empty)
                documents.push_back(d.root);
        }
    }
    if (errors > 0)
        return 1;
    QSaveFile out(QString::fromLocal8Bit(argv[1]));
    if (!out.open(QIODevice::WriteOnly) || out.write(documentsToCbor(documents)) < 0
        || !out.commit()) {
        std::fprintf(stderr, "%s: cannot write\n", argv[1]);
        return 2;
    }
    return 0;
}
