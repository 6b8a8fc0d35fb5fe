/* aliases.c - known names and their canonical actors (see relnet/aliases.h). */
#include "relnet/aliases.h"

#include "relnet/buf.h"
#include "relnet/strtab.h"
#include "relnet/text.h"

#include <stdlib.h>
#include <string.h>

struct rn_aliases {
    struct rn_strtab *keys;    /* folded alias -> key id */
    uint32_t *key_entry;       /* key id -> entry index */
    uint32_t key_cap;
    struct rn_strtab *strings; /* canonical and affiliation names */
    struct rn_alias_entry *entries;
    uint32_t n_entries;
    size_t entry_cap;
    struct rn_buf scratch;
};

struct rn_aliases *rn_aliases_new(void)
{
    struct rn_aliases *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->keys = rn_strtab_new();
    a->strings = rn_strtab_new();
    if (!a->keys || !a->strings) {
        rn_aliases_free(a);
        return NULL;
    }
    return a;
}

void rn_aliases_free(struct rn_aliases *a)
{
    if (!a)
        return;
    rn_strtab_free(a->keys);
    rn_strtab_free(a->strings);
    free(a->key_entry);
    free(a->entries);
    rn_buf_release(&a->scratch);
    free(a);
}

size_t rn_aliases_count(const struct rn_aliases *a)
{
    return rn_strtab_count(a->keys);
}

static const char *keep(struct rn_aliases *a, const char *s)
{
    uint32_t id;
    if (rn_strtab_intern(a->strings, s, strlen(s), &id, NULL) != RN_OK)
        return NULL;
    return rn_strtab_str(a->strings, id);
}

/* Key id for name (added when new); *fresh tells whether it was. */
static int key_of(struct rn_aliases *a, const char *name, uint32_t *kid, int *fresh)
{
    if (rn_text_key(name, strlen(name), &a->scratch) != RN_OK)
        return RN_ENOMEM;
    if (a->scratch.len == 0)
        return RN_EINPUT;
    if (rn_strtab_intern(a->keys, a->scratch.data, a->scratch.len, kid, fresh) != RN_OK)
        return RN_ENOMEM;
    if (*kid >= a->key_cap) {
        uint32_t cap = a->key_cap ? a->key_cap * 2 : 1024;
        uint32_t *grown = realloc(a->key_entry, cap * sizeof *grown);
        if (!grown)
            return RN_ENOMEM;
        a->key_entry = grown;
        a->key_cap = cap;
    }
    if (*fresh)
        a->key_entry[*kid] = UINT32_MAX;
    return RN_OK;
}

int rn_aliases_add(struct rn_aliases *a, const char *alias, const char *canonical,
                   enum rn_etype type, const char *affiliation)
{
    uint32_t ckid;
    int fresh;
    int rc = key_of(a, canonical, &ckid, &fresh);
    if (rc == RN_EINPUT)
        return RN_OK; /* a canonical name of punctuation only names nothing */
    if (rc != RN_OK)
        return rc;
    uint32_t entry = a->key_entry[ckid];
    if (entry == UINT32_MAX) {
        struct rn_alias_entry *grown =
            rn_array_grow(a->entries, &a->entry_cap, a->n_entries, sizeof *grown, 256);
        if (!grown)
            return RN_ENOMEM;
        a->entries = grown;
        entry = a->n_entries++;
        a->entries[entry].canonical = keep(a, canonical);
        a->entries[entry].type = RN_ETYPE_UNKNOWN;
        a->entries[entry].affiliation = NULL;
        if (!a->entries[entry].canonical)
            return RN_ENOMEM;
        a->key_entry[ckid] = entry;
    }
    struct rn_alias_entry *e = &a->entries[entry];
    if (e->type == RN_ETYPE_UNKNOWN)
        e->type = type;
    if (!e->affiliation && affiliation && affiliation[0]) {
        e->affiliation = keep(a, affiliation);
        if (!e->affiliation)
            return RN_ENOMEM;
    }
    uint32_t akid;
    rc = key_of(a, alias, &akid, &fresh);
    if (rc == RN_EINPUT)
        return RN_OK;
    if (rc != RN_OK)
        return rc;
    /* The first actor to claim a key keeps it (the lexicon orders its
       rows so the likelier reading comes first). */
    if (a->key_entry[akid] == UINT32_MAX)
        a->key_entry[akid] = entry;
    return RN_OK;
}

static int add_cb(void *ctx, const char *alias, const char *canonical, enum rn_etype type,
                  const char *affiliation, struct rn_err *err)
{
    (void)err;
    int rc = rn_aliases_add(ctx, alias, canonical, type, affiliation);
    return rc == RN_OK ? RN_OK : rn_fail(err, rc, "out of memory");
}

int rn_aliases_load(struct rn_aliases *a, const char *path, struct rn_import_report *rep,
                    struct rn_err *err)
{
    return rn_import_aliases(path, NULL, add_cb, a, rep, err);
}

const struct rn_alias_entry *rn_aliases_find_key(const struct rn_aliases *a, const char *key,
                                                 size_t len)
{
    uint32_t kid;
    if (!a || rn_strtab_find(a->keys, key, len, &kid) != RN_OK)
        return NULL;
    uint32_t entry = a->key_entry[kid];
    return entry == UINT32_MAX ? NULL : &a->entries[entry];
}

const struct rn_alias_entry *rn_aliases_find(const struct rn_aliases *a, const char *name)
{
    struct rn_buf key = RN_BUF_INIT;
    const struct rn_alias_entry *e = NULL;
    if (a && rn_text_key(name, strlen(name), &key) == RN_OK && key.len)
        e = rn_aliases_find_key(a, key.data, key.len);
    rn_buf_release(&key);
    return e;
}
