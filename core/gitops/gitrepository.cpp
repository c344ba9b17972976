// SPDX-License-Identifier: Apache-2.0
#include "gitrepository.h"

#include "io/atomicfile.h"
#include "model/workspace.h"

#include <QDir>
#include <QFileInfo>

#include <git2.h>

namespace Airgate::GitOps {

namespace {

/// libgit2 keeps global state (allocators, TLS); initialise it once for the process.
void ensureLibgit2()
{
    static const int initialised = git_libgit2_init();
    Q_UNUSED(initialised);
}

Error gitError(const QString &context)
{
    const git_error *e = git_error_last();
    const QString why
        = e && e->message ? QString::fromUtf8(e->message) : QStringLiteral("unknown error");
    return makeError(Error::Code::Invalid,
                     context.isEmpty() ? why : context + QStringLiteral(": ") + why);
}

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using ObjectPtr = std::unique_ptr<git_object, Deleter<git_object, git_object_free>>;
using TreePtr = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using EntryPtr = std::unique_ptr<git_tree_entry, Deleter<git_tree_entry, git_tree_entry_free>>;
using StatusPtr = std::unique_ptr<git_status_list, Deleter<git_status_list, git_status_list_free>>;

struct WalkState
{
    git_repository *repo = nullptr;
    QList<QPair<QString, QByteArray>> files;
    QString error;
};

int collectBlob(const char *root, const git_tree_entry *entry, void *payload)
{
    auto *state = static_cast<WalkState *>(payload);
    if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB)
        return 0;
    const QString rel = QString::fromUtf8(root) + QString::fromUtf8(git_tree_entry_name(entry));
    if (!Workspace::isManifestPath(rel))
        return 0;
    git_blob *blob = nullptr;
    if (git_blob_lookup(&blob, state->repo, git_tree_entry_id(entry)) != 0) {
        state->error = gitError(rel).message;
        return -1;
    }
    const auto size = static_cast<qint64>(git_blob_rawsize(blob));
    if (size > Io::kMaxManifestBytes) {
        state->error = QStringLiteral("%1: file is %2 bytes, over the %3-byte limit")
                           .arg(rel)
                           .arg(size)
                           .arg(Io::kMaxManifestBytes);
        git_blob_free(blob);
        return -1;
    }
    state->files.append({rel,
                         QByteArray(static_cast<const char *>(git_blob_rawcontent(blob)),
                                    static_cast<qsizetype>(size))});
    git_blob_free(blob);
    return 0;
}

} // namespace

struct GitRepository::Handle
{
    git_repository *repo = nullptr;
    ~Handle() { git_repository_free(repo); }
};

GitRepository::GitRepository(std::unique_ptr<Handle> handle)
    : m_handle(std::move(handle))
{
}
GitRepository::GitRepository(GitRepository &&) noexcept = default;
GitRepository &GitRepository::operator=(GitRepository &&) noexcept = default;
GitRepository::~GitRepository() = default;

Result<GitRepository> GitRepository::discover(const QString &path)
{
    ensureLibgit2();
    const QByteArray start = QFileInfo(path).absoluteFilePath().toUtf8();
    git_buf found = GIT_BUF_INIT;
    if (git_repository_discover(&found, start.constData(), 0, nullptr) != 0) {
        Error e = gitError({});
        e.code = Error::Code::NotFound;
        e.message = QStringLiteral("%1 is not in a Git repository (%2)").arg(path, e.message);
        return e;
    }
    auto handle = std::make_unique<Handle>();
    const int rc = git_repository_open(&handle->repo, found.ptr);
    git_buf_dispose(&found);
    if (rc != 0)
        return gitError(QStringLiteral("cannot open the Git repository of %1").arg(path));
    if (git_repository_is_bare(handle->repo))
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("the Git repository of %1 is bare").arg(path));
    return GitRepository(std::move(handle));
}

QString GitRepository::workdir() const
{
    QString w = QString::fromUtf8(git_repository_workdir(m_handle->repo));
    while (w.size() > 1 && w.endsWith(u'/'))
        w.chop(1);
    return QFileInfo(w).canonicalFilePath();
}

Result<QString> GitRepository::prefixOf(const QString &folder) const
{
    const QString canonical = QFileInfo(folder).canonicalFilePath();
    const QString root = workdir();
    if (canonical == root)
        return QString();
    if (canonical.isEmpty() || !canonical.startsWith(root + u'/'))
        return makeError(Error::Code::Invalid,
                         QStringLiteral("%1 is outside the Git work tree %2").arg(folder, root));
    return canonical.mid(root.size() + 1);
}

Result<QList<QPair<QString, QByteArray>>> GitRepository::manifestsAt(const QString &rev,
                                                                     const QString &folder) const
{
    const auto prefix = prefixOf(folder);
    if (!prefix)
        return prefix.error();
    git_object *raw = nullptr;
    if (git_revparse_single(&raw, m_handle->repo, rev.toUtf8().constData()) != 0)
        return gitError(QStringLiteral("git:%1").arg(rev));
    ObjectPtr object(raw);
    git_object *treeObject = nullptr;
    if (git_object_peel(&treeObject, object.get(), GIT_OBJECT_TREE) != 0)
        return gitError(QStringLiteral("git:%1").arg(rev));
    TreePtr tree(reinterpret_cast<git_tree *>(treeObject));
    TreePtr sub;
    if (!prefix->isEmpty()) {
        git_tree_entry *rawEntry = nullptr;
        if (git_tree_entry_bypath(&rawEntry, tree.get(), prefix->toUtf8().constData()) != 0)
            return QList<QPair<QString, QByteArray>>(); // the folder did not exist then
        EntryPtr entry(rawEntry);
        if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE)
            return makeError(Error::Code::Invalid,
                             QStringLiteral("git:%1: %2 is not a folder there").arg(rev, *prefix));
        git_tree *rawSub = nullptr;
        if (git_tree_lookup(&rawSub, m_handle->repo, git_tree_entry_id(entry.get())) != 0)
            return gitError(QStringLiteral("git:%1").arg(rev));
        sub.reset(rawSub);
    }
    WalkState state;
    state.repo = m_handle->repo;
    if (git_tree_walk(sub ? sub.get() : tree.get(), GIT_TREEWALK_PRE, collectBlob, &state) != 0)
        return state.error.isEmpty() ? gitError(QStringLiteral("git:%1").arg(rev))
                                     : makeError(Error::Code::Io, state.error);
    std::sort(state.files.begin(), state.files.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    return state.files;
}

Result<QHash<QString, GitFileStatus>> GitRepository::status(const QString &folder) const
{
    const auto prefix = prefixOf(folder);
    if (!prefix)
        return prefix.error();
    git_status_options options;
    git_status_options_init(&options, GIT_STATUS_OPTIONS_VERSION);
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS
        | GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX | GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
    QByteArray spec = prefix->toUtf8();
    char *specs[] = {spec.data()};
    if (!prefix->isEmpty()) {
        options.pathspec.strings = specs;
        options.pathspec.count = 1;
    }
    git_status_list *raw = nullptr;
    if (git_status_list_new(&raw, m_handle->repo, &options) != 0)
        return gitError(QStringLiteral("git status"));
    StatusPtr list(raw);
    QHash<QString, GitFileStatus> out;
    const size_t n = git_status_list_entrycount(list.get());
    for (size_t i = 0; i < n; ++i) {
        const git_status_entry *e = git_status_byindex(list.get(), i);
        const git_diff_delta *delta = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
        if (!delta)
            continue;
        const char *p = delta->new_file.path ? delta->new_file.path : delta->old_file.path;
        QString rel = QString::fromUtf8(p);
        if (!prefix->isEmpty()) {
            if (!rel.startsWith(*prefix + u'/'))
                continue;
            rel = rel.mid(prefix->size() + 1);
        }
        const unsigned s = e->status;
        GitFileStatus st = GitFileStatus::Unmodified;
        if (s & (GIT_STATUS_WT_NEW | GIT_STATUS_INDEX_NEW))
            st = GitFileStatus::New;
        else if (s & (GIT_STATUS_WT_DELETED | GIT_STATUS_INDEX_DELETED))
            st = GitFileStatus::Deleted;
        else if (s
                 & (GIT_STATUS_WT_MODIFIED | GIT_STATUS_INDEX_MODIFIED | GIT_STATUS_WT_RENAMED
                    | GIT_STATUS_INDEX_RENAMED | GIT_STATUS_WT_TYPECHANGE
                    | GIT_STATUS_INDEX_TYPECHANGE))
            st = GitFileStatus::Modified;
        if (st != GitFileStatus::Unmodified)
            out.insert(rel, st);
    }
    return out;
}

} // namespace Airgate::GitOps
