// SPDX-License-Identifier: Apache-2.0
#include "yamlcbor.h"

#include <QCborStreamReader>
#include <QCborStreamWriter>

namespace Airgate::Yaml {

namespace {

// Scalars are written as a byte string (UTF-8) under a tag from the private range that says
// how the text was read: kScalarTag + 2 * ScalarType + quoted.
constexpr quint64 kScalarTag = 0x41470000; // "AG"
constexpr quint64 kFormatTag = 0x41470100; // wraps the document array; bump when the form changes

void write(QCborStreamWriter &w, const Node &n)
{
    switch (n.kind) {
    case NodeKind::Map:
        w.startMap(static_cast<quint64>(n.entries.size()));
        for (const Node::Entry &e : n.entries) {
            w.appendByteString(e.key.data(), static_cast<qsizetype>(e.key.size()));
            if (e.value)
                write(w, *e.value);
            else
                w.appendNull();
        }
        w.endMap();
        return;
    case NodeKind::Sequence:
        w.startArray(static_cast<quint64>(n.items.size()));
        for (const NodePtr &i : n.items) {
            if (i)
                write(w, *i);
            else
                w.appendNull();
        }
        w.endArray();
        return;
    case NodeKind::Null:
    case NodeKind::Scalar:
        w.append(
            QCborTag(kScalarTag + 2 * static_cast<quint64>(n.scalarType) + (n.quoted ? 1 : 0)));
        w.appendByteString(n.value.data(), static_cast<qsizetype>(n.value.size()));
        return;
    }
}

class Reader
{
public:
    explicit Reader(const QByteArray &bytes)
        : m_r(bytes)
    {
    }

    std::vector<NodePtr> documents(std::string &error)
    {
        std::vector<NodePtr> out;
        if (!m_r.isTag() || quint64(m_r.toTag()) != kFormatTag) {
            error = "not an Airgate YAML snapshot (or one from another version)";
            return {};
        }
        m_r.next();
        if (!m_r.isArray() || !m_r.enterContainer()) {
            error = "snapshot without a document list";
            return {};
        }
        while (m_r.lastError() == QCborError::NoError && m_r.hasNext()) {
            NodePtr n = node(0);
            if (!n)
                break;
            out.push_back(std::move(n));
        }
        if (m_r.lastError() == QCborError::NoError)
            m_r.leaveContainer();
        if (m_r.lastError() != QCborError::NoError || !m_error.empty()) {
            error = m_error.empty() ? m_r.lastError().toString().toStdString() : m_error;
            return {};
        }
        return out;
    }

private:
    bool bytes(std::string &out)
    {
        out.clear();
        if (!m_r.isByteArray()) {
            m_error = "expected a byte string";
            return false;
        }
        auto chunk = m_r.readByteArray();
        while (chunk.status == QCborStreamReader::Ok) {
            out.append(chunk.data.constData(), static_cast<size_t>(chunk.data.size()));
            chunk = m_r.readByteArray();
        }
        return chunk.status == QCborStreamReader::EndOfString;
    }

    NodePtr node(int depth)
    {
        if (depth > 256) {
            m_error = "snapshot nested too deeply";
            return nullptr;
        }
        auto n = std::make_shared<Node>();
        if (m_r.isNull()) {
            m_r.next();
            return n;
        }
        if (m_r.isTag()) {
            const quint64 tag = quint64(m_r.toTag());
            m_r.next();
            if (tag < kScalarTag || tag > kScalarTag + 2 * quint64(ScalarType::String) + 1) {
                m_error = "unknown scalar tag";
                return nullptr;
            }
            n->scalarType = static_cast<ScalarType>((tag - kScalarTag) / 2);
            n->quoted = ((tag - kScalarTag) & 1) != 0;
            n->kind = n->scalarType == ScalarType::Null ? NodeKind::Null : NodeKind::Scalar;
            if (!bytes(n->value))
                return nullptr;
            return n;
        }
        if (m_r.isMap()) {
            n->kind = NodeKind::Map;
            if (m_r.isLengthKnown())
                n->entries.reserve(static_cast<size_t>(m_r.length()));
            m_r.enterContainer();
            while (m_r.lastError() == QCborError::NoError && m_r.hasNext()) {
                Node::Entry e;
                if (!bytes(e.key))
                    return nullptr;
                e.value = node(depth + 1);
                if (!e.value)
                    return nullptr;
                n->entries.push_back(std::move(e));
            }
            m_r.leaveContainer();
            return n;
        }
        if (m_r.isArray()) {
            n->kind = NodeKind::Sequence;
            if (m_r.isLengthKnown())
                n->items.reserve(static_cast<size_t>(m_r.length()));
            m_r.enterContainer();
            while (m_r.lastError() == QCborError::NoError && m_r.hasNext()) {
                NodePtr item = node(depth + 1);
                if (!item)
                    return nullptr;
                n->items.push_back(std::move(item));
            }
            m_r.leaveContainer();
            return n;
        }
        m_error = "unexpected item in snapshot";
        return nullptr;
    }

    QCborStreamReader m_r;
    std::string m_error;
};

} // namespace

QByteArray documentsToCbor(const std::vector<NodePtr> &documents)
{
    QByteArray out;
    QCborStreamWriter w(&out);
    w.append(QCborTag(kFormatTag));
    w.startArray(static_cast<quint64>(documents.size()));
    for (const NodePtr &d : documents) {
        if (d)
            write(w, *d);
        else
            w.appendNull();
    }
    w.endArray();
    return out;
}

std::vector<NodePtr> documentsFromCbor(const QByteArray &cbor, std::string &error)
{
    Reader r(cbor);
    return r.documents(error);
}

} // namespace Airgate::Yaml
