// SPDX-License-Identifier: Apache-2.0
#include "nodepath.h"

#include "model/resource.h"

namespace Airgate::Yaml::Path {

namespace {

struct Segment
{
    bool index = false;
    int i = -1;
    std::string key;
};

std::vector<Segment> segments(const QString &path)
{
    std::vector<Segment> out;
    for (const QString &s : splitFieldPath(path)) {
        Segment seg;
        if (s.startsWith(u'[')) {
            const QString inner = s.mid(1, s.size() - 2);
            bool ok = false;
            const int i = inner.toInt(&ok);
            if (ok) {
                seg.index = true;
                seg.i = i;
            } else {
                seg.key = inner.toStdString(); // map key written as [key]
            }
        } else {
            seg.key = s.toStdString();
        }
        out.push_back(std::move(seg));
    }
    return out;
}

NodePtr shallowCopy(const NodePtr &n)
{
    return n ? std::make_shared<Node>(*n) : nullptr;
}

/// Rebuilds the path down to the parent of the last segment, applying @p fn to that parent copy.
template<typename Fn>
NodePtr edit(const NodePtr &root, const std::vector<Segment> &segs, size_t depth, bool create,
             Fn &&fn)
{
    NodePtr copy = root ? shallowCopy(root) : nullptr;
    if (!copy) {
        if (!create)
            return root;
        copy = segs[depth].index ? Node::makeSequence() : Node::makeMap();
    }
    if (depth + 1 == segs.size()) {
        fn(*copy, segs[depth]);
        return copy;
    }
    const Segment &s = segs[depth];
    if (s.index) {
        if (copy->kind != NodeKind::Sequence) {
            if (!create)
                return root;
            copy->kind = NodeKind::Sequence;
            copy->entries.clear();
        }
        if (s.i < 0)
            return root;
        while (create && static_cast<int>(copy->items.size()) <= s.i)
            copy->items.push_back(segs[depth + 1].index ? Node::makeSequence() : Node::makeMap());
        if (s.i >= static_cast<int>(copy->items.size()))
            return root;
        copy->items[static_cast<size_t>(s.i)]
            = edit(copy->items[static_cast<size_t>(s.i)], segs, depth + 1, create, fn);
        return copy;
    }
    if (copy->kind != NodeKind::Map) {
        if (!create)
            return root;
        copy->kind = NodeKind::Map;
        copy->items.clear();
        copy->scalarType = ScalarType::Null;
    }
    NodePtr child = copy->getPtr(s.key);
    if (!child && !create)
        return root;
    copy->set(s.key, edit(child, segs, depth + 1, create, fn));
    return copy;
}

} // namespace

QStringList split(const QString &path)
{
    return splitFieldPath(path);
}

const Node *get(const Node *root, const QString &path)
{
    const Node *n = root;
    for (const Segment &s : segments(path)) {
        if (!n)
            return nullptr;
        if (s.index) {
            if (!n->isSequence() || s.i < 0 || s.i >= static_cast<int>(n->items.size()))
                return nullptr;
            n = n->items[static_cast<size_t>(s.i)].get();
        } else {
            n = n->get(s.key);
        }
    }
    return n;
}

NodePtr set(const NodePtr &root, const QString &path, NodePtr value)
{
    const auto segs = segments(path);
    if (segs.empty())
        return value;
    return edit(root, segs, 0, true, [&](Node &parent, const Segment &last) {
        if (last.index) {
            if (parent.kind != NodeKind::Sequence) {
                parent.kind = NodeKind::Sequence;
                parent.entries.clear();
            }
            while (static_cast<int>(parent.items.size()) <= last.i)
                parent.items.push_back(Node::makeNull());
            parent.items[static_cast<size_t>(last.i)] = value;
        } else {
            if (parent.kind != NodeKind::Map) {
                parent.kind = NodeKind::Map;
                parent.items.clear();
                parent.scalarType = ScalarType::Null;
            }
            parent.set(last.key, value);
        }
    });
}

NodePtr remove(const NodePtr &root, const QString &path)
{
    const auto segs = segments(path);
    if (segs.empty())
        return root;
    return edit(root, segs, 0, false, [&](Node &parent, const Segment &last) {
        if (last.index) {
            if (parent.isSequence() && last.i >= 0
                && last.i < static_cast<int>(parent.items.size()))
                parent.items.erase(parent.items.begin() + last.i);
        } else if (parent.isMap()) {
            parent.remove(last.key);
        }
    });
}

NodePtr insertItem(const NodePtr &root, const QString &path, NodePtr item, int index)
{
    const Node *list = get(root.get(), path);
    NodePtr copy
        = list && list->isSequence() ? std::make_shared<Node>(*list) : Node::makeSequence();
    if (index < 0 || index > static_cast<int>(copy->items.size()))
        index = static_cast<int>(copy->items.size());
    copy->items.insert(copy->items.begin() + index, std::move(item));
    copy->flow = false;
    return set(root, path, copy);
}

NodePtr moveItem(const NodePtr &root, const QString &path, int from, int to)
{
    const Node *list = get(root.get(), path);
    if (!list || !list->isSequence())
        return root;
    const int n = static_cast<int>(list->items.size());
    if (from < 0 || from >= n || to < 0 || to >= n || from == to)
        return root;
    NodePtr copy = std::make_shared<Node>(*list);
    NodePtr moved = copy->items[static_cast<size_t>(from)];
    copy->items.erase(copy->items.begin() + from);
    copy->items.insert(copy->items.begin() + to, moved);
    return set(root, path, copy);
}

NodePtr renameKey(const NodePtr &root, const QString &mapPath, const QString &from,
                  const QString &to)
{
    const Node *map = mapPath.isEmpty() ? root.get() : get(root.get(), mapPath);
    if (!map || !map->isMap() || from == to)
        return root;
    NodePtr copy = std::make_shared<Node>(*map);
    for (Node::Entry &e : copy->entries)
        if (e.key == from.toStdString())
            e.key = to.toStdString();
    return mapPath.isEmpty() ? copy : set(root, mapPath, copy);
}

} // namespace Airgate::Yaml::Path
