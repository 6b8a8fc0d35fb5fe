/* test_store.c - the SQLite knowledge base: schema, alias resolution and
 * merging, idempotent sources, transactions, loading into a relset, and the
 * CSV importer feeding it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relnet/aliases.h"
#include "relnet/import.h"
#include "relnet/filter.h"
#include "relnet/relset.h"
#include "relnet/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct rn_store *fresh(const char *path)
{
    char wal[256], shm[256];
    snprintf(wal, sizeof wal, "%s-wal", path);
    snprintf(shm, sizeof shm, "%s-shm", path);
    unlink(path);
    unlink(wal);
    unlink(shm);
    struct rn_store *kb = NULL;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_store_open(path, RN_STORE_CREATE, &kb, &err), RN_OK);
    return kb;
}

static void add(struct rn_store *kb, const char *s, const char *rel, const char *t)
{
    struct rn_record r;
    struct rn_err err = RN_ERR_INIT;
    rn_record_init(&r);
    r.source = s;
    r.relation = rel;
    r.target = t;
    assert_int_equal(rn_store_add_record(kb, &r, &err), RN_OK);
}

static void test_open_rejects_missing_and_foreign_files(void **state)
{
    (void)state;
    struct rn_store *kb;
    struct rn_err err = RN_ERR_INIT;
    unlink("nope.db");
    assert_int_equal(rn_store_open("nope.db", 0, &kb, &err), RN_ENOTFOUND);
    FILE *f = fopen("notadb.db", "wb");
    fputs("this is not sqlite at all, just text that is long enough to be a header\n", f);
    fclose(f);
    assert_int_equal(rn_store_open("notadb.db", RN_STORE_CREATE, &kb, &err), RN_EINPUT);
    assert_non_null(strstr(err.msg, "not a relnet knowledge base"));
}

static void test_aliases_merge_entities(void **state)
{
    (void)state;
    struct rn_store *kb = fresh("alias.db");
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    add(kb, "USA", "accuses", "China");
    add(kb, "U.S.", "bans", "Huawei");
    add(kb, "United States", "signs", "Clean Network");
    /* "us" and "usa" are different keys until aliases join them. */
    struct rn_store_counts c;
    assert_int_equal(rn_store_counts(kb, &c, &err), RN_OK);
    assert_int_equal(c.entities, 6);
    assert_int_equal(rn_store_add_alias(kb, "USA", "United States", RN_ETYPE_COUNTRY, NULL, &err),
                     RN_OK);
    assert_int_equal(rn_store_add_alias(kb, "U.S.", "United States", RN_ETYPE_COUNTRY, NULL, &err),
                     RN_OK);
    assert_int_equal(rn_store_commit(kb, &err), RN_OK);
    assert_int_equal(rn_store_counts(kb, &c, &err), RN_OK);
    assert_int_equal(c.entities, 4);
    assert_int_equal(c.relations, 3);

    /* New rows under any spelling land on the one entity. */
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    add(kb, "u.s.a.", "accuses", "Russia");
    assert_int_equal(rn_store_commit(kb, &err), RN_OK);
    struct rn_store_entity e;
    assert_int_equal(rn_store_entity_lookup(kb, "usa", &e, &err), RN_OK);
    assert_string_equal(e.name, "United States");
    assert_string_equal(e.type, "country");
    assert_int_equal(e.n_aliases, 2); /* USA, U.S. */
    rn_store_entity_release(&e);

    struct rn_relset *set;
    assert_int_equal(rn_store_load(kb, NULL, 0, &set, &err), RN_OK);
    assert_int_equal(set->n_records, 4);
    uint32_t us = rn_relset_find(set, "U.S.");
    assert_int_not_equal(us, RN_NONE);
    assert_string_equal(set->entity_name[us], "United States");
    for (size_t i = 0; i < set->n_records; i++)
        assert_int_equal(set->src[i], us);
    rn_relset_free(set);
    rn_store_close(kb);
}

static void test_types_and_affiliations(void **state)
{
    (void)state;
    struct rn_store *kb = fresh("types.db");
    struct rn_err err = RN_ERR_INIT;
    struct rn_record r;
    rn_record_init(&r);
    r.source = "Zhao Lijian";
    r.source_type = "person";
    r.source_affiliation = "China";
    r.relation = "Accuses";
    r.target = "Five Eyes";
    r.date = "2020-10-13";
    r.evidence = "Zhao said the alliance was \"hypocritical\".";
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    assert_int_equal(rn_store_add_record(kb, &r, &err), RN_OK);
    assert_int_equal(rn_store_commit(kb, &err), RN_OK);
    struct rn_store_entity e;
    assert_int_equal(rn_store_entity_lookup(kb, "zhao lijian", &e, &err), RN_OK);
    assert_string_equal(e.type, "person");
    assert_string_equal(e.affiliation, "China");
    rn_store_entity_release(&e);

    struct rn_filter f;
    rn_filter_init(&f);
    assert_int_equal(rn_filter_set_since(&f, "2021-01-01", &err), RN_OK);
    struct rn_relset *set;
    assert_int_equal(rn_store_load(kb, &f, 1, &set, &err), RN_OK);
    assert_int_equal(set->n_records, 0);
    rn_relset_free(set);
    rn_filter_init(&f);
    assert_int_equal(rn_store_load(kb, &f, 1, &set, &err), RN_OK);
    assert_int_equal(set->n_records, 1);
    assert_string_equal(set->relation_name[set->rel[0]], "accuses");
    assert_string_equal(rn_relset_text(set, set->evidence[0]),
                        "Zhao said the alliance was \"hypocritical\".");
    assert_int_equal(set->date[0], 20201013);
    uint32_t zhao = set->src[0];
    assert_string_equal(set->entity_name[set->entity_affiliation[zhao]], "China");
    rn_relset_roll_up(set);
    assert_string_equal(set->entity_name[set->src[0]], "China");
    rn_relset_free(set);
    rn_store_close(kb);
}

static void test_rollback_leaves_nothing(void **state)
{
    (void)state;
    struct rn_store *kb = fresh("rollback.db");
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    add(kb, "A", "accuses", "B");
    assert_int_equal(rn_store_commit(kb, &err), RN_OK);
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    add(kb, "C", "accuses", "D");
    rn_store_rollback(kb);
    /* The cache must not remember C and D after the rollback. */
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    add(kb, "C", "bans", "A");
    assert_int_equal(rn_store_commit(kb, &err), RN_OK);
    struct rn_store_counts c;
    assert_int_equal(rn_store_counts(kb, &c, &err), RN_OK);
    assert_int_equal(c.entities, 3);
    assert_int_equal(c.relations, 2);
    rn_store_close(kb);
}

/* A batch statement is used again for the next batch of as many rows: a
   value a row of the first gave must not stay for a row of the second
   that has none (NULL, -1 or 0 when loaded). */
static void test_batches_leave_no_values(void **state)
{
    (void)state;
    struct rn_store *kb = fresh("batches.db");
    struct rn_err err = RN_ERR_INIT;
    for (int batch = 0; batch < 2; batch++) {
        assert_int_equal(rn_store_begin(kb, &err), RN_OK);
        for (int i = 0; i < 3; i++) {
            struct rn_record r;
            rn_record_init(&r);
            r.source = "Chile";
            r.relation = "signs";
            r.target = "Lima Pact";
            r.date = "2020-10-13"; /* not a plain row: every column is written */
            if (batch == 0) {
                r.evidence = "Chile signed the Lima Pact.";
                r.sentence_no = 4;
                r.offset = 120;
            }
            assert_int_equal(rn_store_add_record(kb, &r, &err), RN_OK);
        }
        assert_int_equal(rn_store_commit(kb, &err), RN_OK);
    }
    struct rn_filter f;
    rn_filter_init(&f);
    struct rn_relset *set;
    assert_int_equal(rn_store_load(kb, &f, 1, &set, &err), RN_OK);
    assert_int_equal(set->n_records, 6);
    for (size_t k = 0; k < 6; k++) {
        int first = k < 3;
        assert_int_equal(set->evidence[k] != RN_NONE, first);
        assert_int_equal(set->sentence_no[k], first ? 4 : 0);
        assert_int_equal(set->offset[k], first ? 120 : -1);
        assert_int_equal(set->date[k], 20201013);
    }
    rn_relset_free(set);
    rn_filter_release(&f);
    rn_store_close(kb);
}

static void test_articles_are_idempotent(void **state)
{
    (void)state;
    struct rn_store *kb = fresh("articles.db");
    struct rn_err err = RN_ERR_INIT;
    struct rn_store_article a = { .path = "a.txt", .title = "T", .date = "2020-10-13",
                                  .content_hash = "00112233445566778899aabbccddeeff" };
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    assert_int_equal(rn_store_article_start(kb, &a, &err), RN_OK);
    add(kb, "India", "bans", "TikTok");
    rn_store_article_end(kb);
    assert_int_equal(rn_store_commit(kb, &err), RN_OK);
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    assert_int_equal(rn_store_article_start(kb, &a, &err), 1); /* already present */
    assert_int_equal(rn_store_commit(kb, &err), RN_OK);
    char what[128];
    assert_int_equal(rn_store_has_content(kb, a.content_hash, what, sizeof what, &err), 1);
    assert_string_equal(what, "article a.txt");
    struct rn_relset *set;
    assert_int_equal(rn_store_load(kb, NULL, 1, &set, &err), RN_OK);
    assert_int_equal(set->n_records, 1);
    assert_string_equal(set->article_name[set->article[0]], "a.txt");
    assert_string_equal(set->article_title[set->article[0]], "T");
    rn_relset_free(set);
    rn_store_close(kb);
}

static void test_suggestions(void **state)
{
    (void)state;
    struct rn_store *kb = fresh("suggest.db");
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    add(kb, "Huawei Technologies", "accuses", "United Kingdom");
    add(kb, "China", "accuses", "United States");
    assert_int_equal(rn_store_commit(kb, &err), RN_OK);
    struct rn_store_entity e;
    assert_int_equal(rn_store_entity_lookup(kb, "Huawie", &e, &err), RN_ENOTFOUND);
    char *names[3];
    size_t n = rn_store_suggest(kb, "Chnia", names, 3);
    assert_true(n >= 1);
    assert_string_equal(names[0], "China");
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    n = rn_store_suggest(kb, "huawei", names, 3);
    assert_true(n >= 1);
    assert_string_equal(names[0], "Huawei Technologies");
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    rn_store_close(kb);
}

static void test_import_into_store_and_relset_agree(void **state)
{
    (void)state;
    FILE *f = fopen("agree.csv", "wb");
    fputs("Subject;Object;Predicate;Weight;Count;Date\n"
          "China;Five Eyes;accuses;2;3;2020-10-13\n"
          "India;TikTok;bans;1;1;2020-06-29\n"
          "India;;bans;1;1;2020-06-29\n",
          f);
    fclose(f);
    struct rn_store *kb = fresh("agree.db");
    struct rn_err err = RN_ERR_INIT;
    struct rn_import_report rep;
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    assert_int_equal(rn_import_csv("agree.csv", NULL, rn_store_sink(kb), &rep, &err), RN_OK);
    assert_int_equal(rn_store_commit(kb, &err), RN_OK);
    assert_int_equal(rep.delimiter, ';');
    assert_int_equal(rep.rows_read, 3);
    assert_int_equal(rep.rows_imported, 4); /* count 3 + 1 */
    assert_int_equal(rep.skipped[RN_SKIP_EMPTY], 1);
    assert_string_equal(rep.errors[0], "agree.csv:4: empty target");
    rn_import_report_release(&rep);

    struct rn_relset *from_kb, *direct = rn_relset_new(NULL);
    assert_int_equal(rn_store_load(kb, NULL, 0, &from_kb, &err), RN_OK);
    assert_int_equal(rn_import_csv("agree.csv", NULL, rn_relset_sink(direct), &rep, &err), RN_OK);
    rn_import_report_release(&rep);
    assert_int_equal(from_kb->n_records, direct->n_records);
    for (size_t i = 0; i < direct->n_records; i++) {
        assert_string_equal(from_kb->entity_name[from_kb->src[i]],
                            direct->entity_name[direct->src[i]]);
        assert_string_equal(from_kb->entity_name[from_kb->dst[i]],
                            direct->entity_name[direct->dst[i]]);
        assert_true(from_kb->weight[i] == direct->weight[i]);
        assert_int_equal(from_kb->date[i], direct->date[i]);
    }
    rn_relset_free(from_kb);
    rn_relset_free(direct);
    rn_store_close(kb);
}

/* Weights as strtod reads them, through the importer's shortcut for
   plain decimals and past its limits (16 digits, exponents, a bare point,
   spaces, a decimal comma). */
static void test_weights_read_as_strtod_reads_them(void **state)
{
    (void)state;
    static const char *const weights[] = {
        "6.34", "0.1", "0.3", "1", "007.50", "123456789012345", "1234567890123456",
        "12345678901234.5", "0.000000000000001", "9.999999999999999", "99999999999999.9",
        "1e3", "5.", "2.5 ", "0", "0.0",
    };
    size_t n = sizeof weights / sizeof weights[0];
    FILE *f = fopen("weights.csv", "wb");
    fputs("source,target,weight\n", f);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "a%zu,b%zu,%s\n", i, i, weights[i]);
    fputs("c,d,\"1,5\"\n", f);
    fclose(f);
    struct rn_relset *set = rn_relset_new(NULL);
    struct rn_import_report rep;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_import_csv("weights.csv", NULL, rn_relset_sink(set), &rep, &err), RN_OK);
    assert_int_equal(rep.rows_imported, (long)n);
    assert_int_equal(rep.skipped[RN_SKIP_WEIGHT], 1); /* a decimal comma only with ';' */
    rn_import_report_release(&rep);
    for (size_t i = 0; i < n; i++)
        assert_true(set->weight[i] == strtod(weights[i], NULL));
    rn_relset_free(set);
}

/* A record whose target has no letters is refused after its source was
   resolved (and created), as when the two names were looked up in turn. */
static void test_target_without_letters_after_source(void **state)
{
    (void)state;
    struct rn_store *kb = fresh("letters.db");
    struct rn_err err = RN_ERR_INIT;
    struct rn_record r;
    rn_record_init(&r);
    r.source = "Ukraine";
    r.relation = "accuses";
    r.target = "?!";
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    assert_int_equal(rn_store_add_record(kb, &r, &err), RN_EINPUT);
    assert_string_equal(err.msg, "name '?!' has no letters or digits");
    r.source = "--";
    r.target = "Ukraine";
    assert_int_equal(rn_store_add_record(kb, &r, &err), RN_EINPUT);
    assert_string_equal(err.msg, "name '--' has no letters or digits");
    add(kb, "Russia", "accuses", "Belarus");
    assert_int_equal(rn_store_commit(kb, &err), RN_OK);
    struct rn_store_counts c;
    assert_int_equal(rn_store_counts(kb, &c, &err), RN_OK);
    assert_int_equal(c.entities, 3); /* Ukraine, from the refused record */
    assert_int_equal(c.relations, 1);
    rn_store_close(kb);
    /* a new file has 16 KiB pages */
    sqlite3 *db;
    assert_int_equal(sqlite3_open("letters.db", &db), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 16384);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

static void test_known_names_resolve_on_first_sight(void **state)
{
    (void)state;
    FILE *f = fopen("actors_test.tsv", "wb");
    fputs("# a comment line\n"
          "name\ttype\taffiliation\taliases\tdemonyms\n"
          "United States\tcountry\t\tUS|U.S.|USA|Washington\tAmerican\n"
          "Commerce Department\torganization\tUnited States\tDepartment of Commerce\t\n",
          f);
    fclose(f);
    struct rn_aliases *a = rn_aliases_new();
    struct rn_import_report rep;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_aliases_load(a, "actors_test.tsv", &rep, &err), RN_OK);
    assert_int_equal(rep.rows_imported, 2);
    rn_import_report_release(&rep);
    const struct rn_alias_entry *e = rn_aliases_find(a, "u.s.a.");
    assert_non_null(e);
    assert_string_equal(e->canonical, "United States");
    assert_null(rn_aliases_find(a, "American")); /* demonyms are not names */

    struct rn_store *kb = fresh("known.db");
    rn_store_use_aliases(kb, a);
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    add(kb, "Department of Commerce", "bans", "Huawei");
    add(kb, "Washington", "accuses", "China");
    assert_int_equal(rn_store_commit(kb, &err), RN_OK);
    struct rn_store_entity ent;
    assert_int_equal(rn_store_entity_lookup(kb, "USA", &ent, &err), RN_OK);
    assert_string_equal(ent.name, "United States");
    assert_string_equal(ent.type, "country");
    rn_store_entity_release(&ent);
    assert_int_equal(rn_store_entity_lookup(kb, "Department of Commerce", &ent, &err), RN_OK);
    assert_string_equal(ent.name, "Commerce Department");
    assert_string_equal(ent.affiliation, "United States");
    rn_store_entity_release(&ent);
    rn_store_close(kb);

    struct rn_relset_options opt = { .aliases = a };
    struct rn_relset *set = rn_relset_new(&opt);
    struct rn_record r;
    rn_record_init(&r);
    r.source = "USA";
    r.relation = "accuses";
    r.target = "China";
    assert_int_equal(rn_relset_add(set, &r, &err), RN_OK);
    assert_string_equal(set->entity_name[set->src[0]], "United States");
    assert_int_equal(set->entity_type[set->src[0]], RN_ETYPE_COUNTRY);
    assert_int_equal(rn_relset_find(set, "Washington"), set->src[0]);
    rn_relset_free(set);
    rn_aliases_free(a);
}

static void test_batched_rows_are_all_written_or_all_rolled_back(void **state)
{
    (void)state;
    struct rn_store *kb = fresh("batch.db");
    struct rn_err err = RN_ERR_INIT;
    char name[32];
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    for (int i = 0; i < 150; i++) { /* two full batches and a partial one */
        snprintf(name, sizeof name, "Actor %d", i % 7);
        add(kb, name, "accuses", "Target");
    }
    struct rn_store_counts c;
    assert_int_equal(rn_store_counts(kb, &c, &err), RN_OK); /* reads flush the batch */
    assert_int_equal(c.relations, 150);
    rn_store_rollback(kb);
    assert_int_equal(rn_store_counts(kb, &c, &err), RN_OK);
    assert_int_equal(c.relations, 0);
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    for (int i = 0; i < 70; i++)
        add(kb, "Actor 1", "bans", "Target");
    assert_int_equal(rn_store_commit(kb, &err), RN_OK);
    assert_int_equal(rn_store_count_relation(kb, "bans", &err), 70);
    rn_store_close(kb);
}

/* Alias rows wait for the end of the transaction (or a read) and are then
   written in key order: every name must still find its own entity, in
   the transaction and after reopening, names sharing their first eight
   bytes included, and a part rolled back to its savepoint leaves none. */
static void test_alias_rows_written_late_find_their_entities(void **state)
{
    (void)state;
    struct rn_store *kb = fresh("late_alias.db");
    struct rn_err err = RN_ERR_INIT;
    char name[64];
    struct rn_store_entity e;
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    for (int i = 299; i >= 0; i--) { /* keys arrive out of order */
        snprintf(name, sizeof name, "Organisation %03d", i);
        add(kb, name, "accuses", i % 2 ? "Zeta Office" : "Alpha Office");
    }
    /* a read in the transaction sees the names added so far */
    assert_int_equal(rn_store_entity_lookup(kb, "organisation 150", &e, &err), RN_OK);
    assert_string_equal(e.name, "Organisation 150");
    rn_store_entity_release(&e);
    assert_int_equal(rn_store_add_alias(kb, "Org. 7", "Organisation 007", RN_ETYPE_UNKNOWN, NULL,
                                        &err),
                     RN_OK);
    assert_int_equal(rn_store_savepoint(kb, &err), RN_OK);
    add(kb, "Undone Actor", "bans", "Organisation 001");
    rn_store_rollback_savepoint(kb);
    assert_int_equal(rn_store_commit(kb, &err), RN_OK);
    rn_store_close(kb);

    assert_int_equal(rn_store_open("late_alias.db", 0, &kb, &err), RN_OK);
    struct rn_store_counts c;
    assert_int_equal(rn_store_counts(kb, &c, &err), RN_OK);
    assert_int_equal(c.entities, 302);
    assert_int_equal(c.aliases, 303); /* one name each, and Org. 7 */
    assert_int_equal(c.relations, 300);
    for (int i = 0; i < 300; i++) {
        snprintf(name, sizeof name, "ORGANISATION %03d", i);
        assert_int_equal(rn_store_entity_lookup(kb, name, &e, &err), RN_OK);
        snprintf(name, sizeof name, "Organisation %03d", i);
        assert_string_equal(e.name, name);
        rn_store_entity_release(&e);
    }
    assert_int_equal(rn_store_entity_lookup(kb, "org 7", &e, &err), RN_OK);
    assert_string_equal(e.name, "Organisation 007");
    rn_store_entity_release(&e);
    assert_int_equal(rn_store_entity_lookup(kb, "Undone Actor", &e, &err), RN_ENOTFOUND);
    /* the keys read back resolve known names: nothing new is made */
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    add(kb, "Organisation 299", "signs", "Org. 7");
    assert_int_equal(rn_store_commit(kb, &err), RN_OK);
    assert_int_equal(rn_store_counts(kb, &c, &err), RN_OK);
    assert_int_equal(c.entities, 302);
    assert_int_equal(c.aliases, 303);
    rn_store_close(kb);
}

/* An edge list for the parts test: names with commas and doubled quotes,
   types and affiliations on some rows, a count column, a row with too few
   fields; a quoted field of 3,000 lines sits across the middle of the
   file, where a cut by size alone falls (asserted). bad: what else it
   holds ("quote": a stray quote, "cr": a CR without LF, "": nothing). */
static void write_parts_csv(const char *path, const char *bad)
{
    static const char *const rels[] = { "accuses", "Bans", "signs" };
    static const char *const types[] = { "", "country", "", "person", "" };
    static const char *const affils[] = { "", "", "\"State \"\"X\"\"\"", "", "\"Union, The\"" };
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("source,target,relation,weight,count,source_type,source_affiliation\n", f);
    long data = ftell(f), field_start = 0, field_end = 0;
    for (int i = 0; i < 50000; i++) {
        if (i == 25000) {
            field_start = ftell(f);
            fputs("\"Many\n", f);
            for (int k = 0; k < 3000; k++)
                fputs("lines, \"\"quoted\"\"\n", f);
            fputs("end\",Target 1,accuses,1,1,,\n", f);
            field_end = ftell(f);
        }
        if (i == 37000)
            fputs("Too,few\n", f);
        if (i == 43000 && strcmp(bad, "quote") == 0)
            fputs("Stray \"quote,T,accuses,1,1,,\n", f);
        if (i == 43000 && strcmp(bad, "cr") == 0)
            fputs("Old\rMac,T,accuses,1,1,,\n", f);
        fprintf(f, "\"Actor %d, Jr.\",\"Target \"\"%d\"\"\",%s,%d.5,%d,%s,%s\n", i % 997,
                i % 1013, rels[i % 3], i % 7, 1 + i % 2, types[i % 5], affils[i % 5]);
    }
    long middle = data + (ftell(f) - data) / 2;
    assert_true(field_start < middle && middle < field_end);
    fclose(f);
}

/* The alias table one_pass and in_parts give their sets (NULL: none). */
static const struct rn_aliases *parts_aliases;
/* ... and the filter (NULL: none) */
static const struct rn_filter *parts_filter;

/* The graph-only set of path read in one pass. */
static struct rn_relset *one_pass(const char *path, struct rn_import_report *rep)
{
    struct rn_relset_options opt = { .graph_only = 1, .aliases = parts_aliases,
                                     .filter = parts_filter };
    struct rn_relset *set = rn_relset_new(&opt);
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_import_csv(path, NULL, rn_relset_sink(set), rep, &err), RN_OK);
    return set;
}

/* The same read in nparts parts; *split says whether it was. */
static struct rn_relset *in_parts(const char *path, size_t nparts, int *split,
                                  struct rn_import_report *rep)
{
    struct rn_relset_options opt = { .graph_only = 1, .aliases = parts_aliases,
                                     .filter = parts_filter };
    struct rn_relset *set = rn_relset_new(&opt);
    struct rn_relset_part *parts[8];
    struct rn_sink sinks[8];
    struct rn_err err = RN_ERR_INIT;
    for (size_t k = 0; k < nparts; k++) {
        parts[k] = rn_relset_part_new(set, k % 2 ? 0 : 5000);
        assert_non_null(parts[k]);
        sinks[k] = rn_relset_part_sink(parts[k]);
    }
    assert_int_equal(rn_import_csv_parts(path, NULL, nparts, sinks, split, rep, &err), RN_OK);
    for (size_t k = 0; k < nparts; k++) {
        if (*split)
            assert_int_equal(rn_relset_merge_part(set, parts[k], &err), RN_OK);
        rn_relset_part_free(parts[k]);
    }
    return set;
}

static void assert_same_sets(const struct rn_relset *a, const struct rn_relset *b)
{
    assert_int_equal(a->n_entities, b->n_entities);
    for (uint32_t i = 0; i < a->n_entities; i++) {
        assert_string_equal(a->entity_name[i], b->entity_name[i]);
        assert_int_equal(a->entity_type[i], b->entity_type[i]);
        assert_int_equal(a->entity_affiliation[i], b->entity_affiliation[i]);
    }
    assert_int_equal(a->n_relations, b->n_relations);
    for (uint32_t i = 0; i < a->n_relations; i++)
        assert_string_equal(a->relation_name[i], b->relation_name[i]);
    assert_int_equal(a->n_records, b->n_records);
    for (size_t i = 0; i < a->n_records; i++) {
        assert_int_equal(a->src[i], b->src[i]);
        assert_int_equal(a->dst[i], b->dst[i]);
        assert_int_equal(a->rel[i], b->rel[i]);
        assert_int_equal(a->pol[i], b->pol[i]);
        assert_true(a->weight[i] == b->weight[i]);
    }
}

static void assert_same_reports(const struct rn_import_report *a, const struct rn_import_report *b)
{
    assert_int_equal(a->rows_read, b->rows_read);
    assert_int_equal(a->rows_imported, b->rows_imported);
    assert_int_equal(a->rows_skipped, b->rows_skipped);
    assert_int_equal(a->n_errors, b->n_errors);
    for (int i = 0; i < a->n_errors; i++)
        assert_string_equal(a->errors[i], b->errors[i]);
    assert_string_equal(a->content_hash, b->content_hash);
    assert_string_equal(a->columns, b->columns);
}

/* Every row of the tables a record touches, ids included (times of adding
   left out), as text: malloc'd. */
static char *dump_kb(const char *path)
{
    static const char *const queries[] = {
        "SELECT * FROM entities ORDER BY id",
        "SELECT * FROM aliases ORDER BY key",
        "SELECT * FROM relation_types ORDER BY id",
        "SELECT * FROM relations ORDER BY id",
        "SELECT id, path, url, title, date, content_hash FROM articles ORDER BY id",
        "SELECT id, path, content_hash, rows_read, rows_imported FROM imports ORDER BY id",
    };
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    size_t cap = 1 << 20, len = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(db, queries[q], -1, &st, NULL), SQLITE_OK);
        while (sqlite3_step(st) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(st); c++) {
                const char *v = (const char *)sqlite3_column_text(st, c);
                size_t n = strlen(v ? v : "NULL") + 2;
                while (len + n >= cap) {
                    cap *= 2;
                    out = realloc(out, cap);
                    assert_non_null(out);
                }
                len += (size_t)snprintf(out + len, cap - len, "%s%c", v ? v : "NULL",
                                        c + 1 < sqlite3_column_count(st) ? '|' : '\n');
            }
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
}

/* The records of fill_kb's import: over several writer chunks, with types,
   affiliations, names the lexicon knows, articles named by rows, evidence,
   dates, and relation types first seen part way. */
static void add_many(struct rn_store *kb, int n)
{
    static const char *const types[] = { "person", "organization", NULL, "country" };
    struct rn_err err = RN_ERR_INIT;
    char src[64], dst[64], rel[32], art[32], ev[64], affil[32];
    for (int i = 0; i < n; i++) {
        struct rn_record r;
        rn_record_init(&r);
        snprintf(src, sizeof src, i % 97 == 5 ? "Washington" : "Actor %d", i % 3001);
        snprintf(dst, sizeof dst, i % 89 == 3 ? "Department of Commerce" : "Target %d",
                 i * 7 % 2003);
        snprintf(rel, sizeof rel, i % 1000 == 999 ? "rel%d" : "accuses", i / 1000);
        r.source = src;
        r.target = dst;
        r.relation = rel;
        r.weight = i % 10;
        r.source_type = types[i % 4];
        snprintf(affil, sizeof affil, "Agency %d", i % 13);
        r.target_affiliation = i % 5 == 0 ? affil : NULL;
        snprintf(art, sizeof art, "doc%d.txt", i % 50);
        r.article = i % 3 == 0 ? art : NULL;
        snprintf(ev, sizeof ev, "sentence %d", i);
        r.evidence = i % 2 ? ev : NULL;
        r.date = i % 4 == 1 ? "2024-03-01" : NULL;
        assert_int_equal(rn_store_add_record(kb, &r, &err), RN_OK);
    }
}

static void fill_kb(const char *path, int write_behind, const struct rn_aliases *a)
{
    struct rn_store *kb = fresh(path);
    struct rn_err err = RN_ERR_INIT;
    rn_store_use_aliases(kb, a);
    /* entities already in the file: new ids follow theirs */
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    add(kb, "Known Person", "accuses", "Actor 7");
    assert_int_equal(rn_store_commit(kb, &err), RN_OK);
    /* a transaction rolled back while the writer is at work */
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    assert_int_equal(rn_store_write_behind(kb, write_behind, &err), RN_OK);
    add_many(kb, 9000);
    rn_store_rollback(kb);
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    assert_int_equal(rn_store_import_start(kb, "many.csv", "0123456789abcdef0123456789abcdef",
                                           &err), RN_OK);
    assert_int_equal(rn_store_write_behind(kb, write_behind, &err), RN_OK);
    add_many(kb, 13000);
    assert_int_equal(rn_store_write_behind(kb, 0, &err), RN_OK);
    assert_int_equal(rn_store_import_finish(kb, 13000, 13000, 0, &err), RN_OK);
    assert_int_equal(rn_store_commit(kb, &err), RN_OK);
    rn_store_close(kb);
}

/* The alias table of tsv, written to path first. */
static struct rn_aliases *aliases_from(const char *path, const char *tsv)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(tsv, f);
    fclose(f);
    struct rn_aliases *a = rn_aliases_new();
    struct rn_import_report rep;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_aliases_load(a, path, &rep, &err), RN_OK);
    rn_import_report_release(&rep);
    return a;
}

/* Write-behind (rows and new entities written on a second thread) leaves
   the knowledge base exactly as one thread does, row for row and id for
   id. */
static void test_write_behind_writes_what_one_thread_writes(void **state)
{
    (void)state;
    struct rn_aliases *a =
        aliases_from("actors_wb.tsv",
                     "name\ttype\taffiliation\taliases\n"
                     "United States\tcountry\t\tUS|Washington\n"
                     "Commerce Department\torganization\tUnited States\tDepartment of Commerce\n");
    fill_kb("one_thread.db", 0, a);
    fill_kb("write_behind.db", 1, a);
    char *one = dump_kb("one_thread.db"), *two = dump_kb("write_behind.db");
    assert_true(strlen(one) > 13000 * 20);
    assert_non_null(strstr(one, "|Commerce Department|organization|"));
    assert_non_null(strstr(one, "|rel12|"));
    assert_string_equal(one, two);
    free(one);
    free(two);
    rn_aliases_free(a);
}

/* path read in 2 and in 3 parts gives whole and rep1, which one pass gave. */
static void assert_parts_equal_one_pass(const char *path, const struct rn_relset *whole,
                                        const struct rn_import_report *rep1)
{
    for (size_t n = 2; n <= 3; n++) {
        int split = 0;
        struct rn_import_report repn;
        struct rn_relset *parted = in_parts(path, n, &split, &repn);
        assert_int_equal(split, 1);
        assert_same_sets(whole, parted);
        assert_same_reports(rep1, &repn);
        rn_import_report_release(&repn);
        rn_relset_free(parted);
    }
}

/* A file read in 2 or 3 parts on as many threads gives the set and the
   report of one pass: same entities (types, affiliations) and relations in
   the same order, same records, same bad rows at the same lines. */
static void test_csv_in_parts_equals_one_pass(void **state)
{
    (void)state;
    write_parts_csv("parts.csv", "");
    struct rn_import_report rep1;
    struct rn_relset *whole = one_pass("parts.csv", &rep1);
    assert_int_equal(rep1.rows_skipped, 1);
    assert_string_equal(rep1.errors[0], "parts.csv:40004: expected 7 fields, got 2");
    assert_true(whole->n_records > 50000);
    assert_parts_equal_one_pass("parts.csv", whole, &rep1);
    rn_import_report_release(&rep1);
    rn_relset_free(whole);
}

/* Parts fold names on their own threads and the merge looks the keys
   up: spellings of one name (case, dots, dashes), aliases of a known
   actor and a name of punctuation only become the entities of one pass,
   named by the first spelling met. */
static void test_csv_in_parts_folds_names_as_one_pass(void **state)
{
    (void)state;
    struct rn_aliases *a =
        aliases_from("actors_parts.tsv", "name\ttype\taffiliation\taliases\tdemonyms\n"
                                         "United States\tcountry\t\tUS|U.S.|USA|Washington\t"
                                         "American\n");
    struct rn_import_report rep1;
    static const char *const spell[] = { "Actor %d", "ACTOR %d.", "actor-%d" };
    static const char *const known[] = { "USA", "U.S.", "Washington", "United States", "...",
                                         "The Five Eyes", "five eyes" };
    FILE *f = fopen("parts_fold.csv", "wb");
    assert_non_null(f);
    fputs("source,target,relation,weight\n", f);
    for (int i = 0; i < 90000; i++) {
        char name[32];
        snprintf(name, sizeof name, spell[(i / 7) % 3], (i * 31) % 5003);
        fprintf(f, "%s,%s,accuses,%d\n", name, known[i % 7], 1 + i % 4);
    }
    fclose(f);
    parts_aliases = a;
    struct rn_relset *whole = one_pass("parts_fold.csv", &rep1);
    assert_int_equal(rep1.rows_skipped, 0);
    assert_int_equal(rn_relset_find(whole, "usa"), rn_relset_find(whole, "Washington"));
    assert_int_equal(rn_relset_find(whole, "actor 7"), rn_relset_find(whole, "ACTOR-7"));
    assert_parts_equal_one_pass("parts_fold.csv", whole, &rep1);
    parts_aliases = NULL;
    rn_import_report_release(&rep1);
    rn_relset_free(whole);
    rn_aliases_free(a);
}

/* A file with CRLF line ends is cut as one with LF ends (its CRs all end
   lines), the parts giving the set and report of one pass; a caller with
   no use for the content hash gets the same set without one. */
static void test_csv_in_parts_cuts_crlf_files(void **state)
{
    (void)state;
    write_parts_csv("parts_lf.csv", "");
    FILE *in = fopen("parts_lf.csv", "rb"), *out = fopen("parts_crlf.csv", "wb");
    assert_non_null(in);
    assert_non_null(out);
    int c;
    while ((c = fgetc(in)) != EOF) {
        if (c == '\n')
            fputc('\r', out);
        fputc(c, out);
    }
    fclose(in);
    fclose(out);
    struct rn_import_report rep1;
    struct rn_relset *whole = one_pass("parts_crlf.csv", &rep1);
    assert_int_equal(rep1.rows_skipped, 1);
    assert_true(whole->n_records > 50000);
    assert_parts_equal_one_pass("parts_crlf.csv", whole, &rep1);
    /* without the hash */
    struct rn_relset_options opt = { .graph_only = 1 };
    struct rn_relset *set = rn_relset_new(&opt);
    struct rn_relset_part *parts[2];
    struct rn_sink sinks[2];
    struct rn_err err = RN_ERR_INIT;
    for (size_t k = 0; k < 2; k++) {
        parts[k] = rn_relset_part_new(set, 0);
        sinks[k] = rn_relset_part_sink(parts[k]);
    }
    struct rn_import_options iopt = { .no_content_hash = 1 };
    struct rn_import_report rep2;
    int split = 0;
    assert_int_equal(rn_import_csv_parts("parts_crlf.csv", &iopt, 2, sinks, &split, &rep2, &err),
                     RN_OK);
    assert_int_equal(split, 1);
    for (size_t k = 0; k < 2; k++) {
        assert_int_equal(rn_relset_merge_part(set, parts[k], &err), RN_OK);
        rn_relset_part_free(parts[k]);
    }
    assert_string_equal(rep2.content_hash, "");
    assert_int_equal(strlen(rep1.content_hash), 32);
    assert_same_sets(whole, set);
    rn_import_report_release(&rep2);
    rn_relset_free(set);
    rn_import_report_release(&rep1);
    rn_relset_free(whole);
}

/* With a filter the parts drop the rows one pass drops, the relations
   they remember by their cells included ("Bans" is bans), and no relation
   only filtered rows name reaches the set. */
static void test_csv_in_parts_filter_as_one_pass(void **state)
{
    (void)state;
    write_parts_csv("parts_filter.csv", "");
    struct rn_filter f;
    struct rn_err err = RN_ERR_INIT;
    rn_filter_init(&f);
    assert_int_equal(rn_filter_set_relations(&f, "bans,signs", &err), RN_OK);
    parts_filter = &f;
    struct rn_import_report rep1;
    struct rn_relset *whole = one_pass("parts_filter.csv", &rep1);
    assert_int_equal(whole->n_relations, 2);
    assert_true(whole->n_records > 30000 && rn_relset_filtered(whole) > 15000);
    assert_parts_equal_one_pass("parts_filter.csv", whole, &rep1);
    rn_import_report_release(&rep1);
    rn_relset_free(whole);
    /* a relation kept before is checked again: here by polarity */
    FILE *fp = fopen("parts_polarity.csv", "wb");
    assert_non_null(fp);
    fputs("source,target,relation,polarity,weight\n", fp);
    for (int i = 0; i < 80000; i++)
        fprintf(fp, "Source number %d,Target number %d,%s,%s,%d\n", i % 3001, i % 2999,
                i % 3 ? "Bans" : "accuses", i % 4 == 1 ? "negated" : "asserted", i % 10);
    fclose(fp);
    whole = one_pass("parts_polarity.csv", &rep1);
    assert_int_equal(whole->n_relations, 1);
    assert_true(whole->n_records > 35000 && rn_relset_filtered(whole) > 35000);
    assert_parts_equal_one_pass("parts_polarity.csv", whole, &rep1);
    parts_filter = NULL;
    rn_filter_release(&f);
    rn_import_report_release(&rep1);
    rn_relset_free(whole);
}

/* A stray quote or a CR without LF: the file is not split (the caller
   reads it in one pass), so messages and lines stay those of one pass. */
static void test_csv_in_parts_declines_what_it_cannot_cut(void **state)
{
    (void)state;
    static const char *const bad[] = { "quote", "cr" };
    for (size_t b = 0; b < 2; b++) {
        write_parts_csv("parts_bad.csv", bad[b]);
        struct rn_import_report rep;
        int split = 1;
        struct rn_relset *set = in_parts("parts_bad.csv", 2, &split, &rep);
        assert_int_equal(split, 0);
        rn_import_report_release(&rep);
        rn_relset_free(set);
    }
}

/* Two sets hold the same entities, keys, relations, articles, texts and
   records, index for index. */
static void assert_same_set(const struct rn_relset *a, const struct rn_relset *b)
{
    assert_int_equal(a->n_entities, b->n_entities);
    for (uint32_t e = 0; e < a->n_entities; e++) {
        assert_string_equal(a->entity_name[e], b->entity_name[e]);
        assert_int_equal(a->entity_type[e], b->entity_type[e]);
        assert_int_equal(a->entity_affiliation[e], b->entity_affiliation[e]);
        assert_int_equal(rn_relset_find(a, a->entity_name[e]), rn_relset_find(b, a->entity_name[e]));
    }
    static const char *const spellings[] = { "USA", "U.S.", "u.s.a.", "america", "Zhao", "PRC" };
    for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++)
        assert_int_equal(rn_relset_find(a, spellings[i]), rn_relset_find(b, spellings[i]));
    assert_int_equal(a->n_relations, b->n_relations);
    for (uint32_t r = 0; r < a->n_relations; r++)
        assert_string_equal(a->relation_name[r], b->relation_name[r]);
    assert_int_equal(a->n_articles, b->n_articles);
    for (uint32_t i = 0; i < a->n_articles; i++) {
        assert_string_equal(a->article_name[i], b->article_name[i]);
        assert_true((a->article_url[i] == NULL) == (b->article_url[i] == NULL));
        if (a->article_url[i])
            assert_string_equal(a->article_url[i], b->article_url[i]);
        assert_true((a->article_title[i] == NULL) == (b->article_title[i] == NULL));
        if (a->article_title[i])
            assert_string_equal(a->article_title[i], b->article_title[i]);
    }
    assert_int_equal(a->n_records, b->n_records);
    for (size_t r = 0; r < a->n_records; r++) {
        assert_int_equal(a->src[r], b->src[r]);
        assert_int_equal(a->dst[r], b->dst[r]);
        assert_int_equal(a->rel[r], b->rel[r]);
        assert_int_equal(a->pol[r], b->pol[r]);
        assert_int_equal(a->origin[r], b->origin[r]);
        /* bit for bit: -0.0 is not 0.0 in the output */
        assert_memory_equal(&a->weight[r], &b->weight[r], sizeof a->weight[r]);
        assert_memory_equal(&a->confidence[r], &b->confidence[r], sizeof a->confidence[r]);
        assert_int_equal(a->date[r], b->date[r]);
        assert_int_equal(a->article[r], b->article[r]);
        assert_int_equal(a->evidence[r], b->evidence[r]);
        assert_int_equal(a->sentence_no[r], b->sentence_no[r]);
        assert_int_equal(a->offset[r], b->offset[r]);
        if (a->evidence[r] != RN_NONE)
            assert_string_equal(rn_relset_text(a, a->evidence[r]), rn_relset_text(b, b->evidence[r]));
    }
}

/* build loads its knowledge base once and hands each step a selection of
   it (rn_relset_select): the selection is the set rn_store_load gives for
   the same filter. */
static void test_selection_equals_filtered_load(void **state)
{
    (void)state;
    struct rn_store *kb = fresh("select.db");
    struct rn_err err = RN_ERR_INIT;
    struct rn_aliases *known = rn_aliases_new();
    assert_non_null(known);
    assert_int_equal(rn_aliases_add(known, "PRC", "China", RN_ETYPE_COUNTRY, NULL), RN_OK);
    assert_int_equal(rn_aliases_add(known, "Zhao", "Zhao Lijian", RN_ETYPE_PERSON, "China"), RN_OK);
    rn_store_use_aliases(kb, known);
    static const struct { const char *s, *rel, *t, *pol, *date, *path, *url, *title, *ev; } rows[] = {
        { "USA", "bans", "Huawei", "asserted", "2020-05-01", "a.txt", "https://x.org/a", "A", "USA banned Huawei." },
        { "Zhao", "accuses", "USA", "asserted", NULL, "a.txt", "https://x.org/a", "A", "Zhao accused the USA." },
        { "PRC", "accuses", "U.S.", "hedged", "2020-06-02", "b.txt", NULL, NULL, "The PRC may accuse the U.S." },
        { "United States", "signs", "Clean Network", "asserted", "2020-07-03", "c.txt", "https://x.org/c", "C", NULL },
        { "China", "bans", "Google", "negated", "2021-01-04", "b.txt", NULL, NULL, "China did not ban Google." },
        { "u.s.a.", "accuses", "China", "asserted", "2021-02-05", NULL, NULL, NULL, "USA accuses China." },
        { "India", "bans", "TikTok", "asserted", NULL, "d.txt", NULL, "D", "USA banned Huawei." },
    };
    assert_int_equal(rn_store_begin(kb, &err), RN_OK);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char hash[33];
        snprintf(hash, sizeof hash, "%032zx", i);
        struct rn_store_article a = { .path = rows[i].path, .url = rows[i].url,
                                      .title = rows[i].title, .content_hash = hash };
        if (rows[i].path)
            assert_true(rn_store_article_start(kb, &a, &err) >= 0);
        struct rn_record r;
        rn_record_init(&r);
        r.source = rows[i].s;
        r.relation = rows[i].rel;
        r.target = rows[i].t;
        r.date = rows[i].date;
        r.evidence = rows[i].ev;
        r.sentence_no = (int)i;
        assert_int_equal(rn_polarity_parse(rows[i].pol, &r.polarity), RN_OK);
        assert_int_equal(rn_store_add_record(kb, &r, &err), RN_OK);
        if (rows[i].path)
            rn_store_article_end(kb);
    }
    assert_int_equal(rn_store_add_alias(kb, "USA", "United States", RN_ETYPE_COUNTRY, NULL, &err),
                     RN_OK);
    assert_int_equal(rn_store_commit(kb, &err), RN_OK);

    struct rn_filter every;
    rn_filter_init(&every);
    every.polarity_mask = (1u << RN_POL_COUNT) - 1;
    struct rn_relset *all;
    assert_int_equal(rn_store_load(kb, &every, 1, &all, &err), RN_OK);
    assert_int_equal(all->n_records, sizeof rows / sizeof rows[0]);
    static const struct { const char *rel, *pol, *since, *until; } filters[] = {
        { NULL, NULL, NULL, NULL },        { NULL, "all", NULL, NULL },
        { "accuses", NULL, NULL, NULL },   { "accuses", "all", NULL, NULL },
        { "bans,signs", "hedged,negated", NULL, NULL },
        { NULL, "all", "2020-06-01", NULL }, { "bans", "all", NULL, "2020-12-31" },
        { "proposes", NULL, NULL, NULL },
    };
    for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
        struct rn_filter fl;
        rn_filter_init(&fl);
        if (filters[i].rel)
            assert_int_equal(rn_filter_set_relations(&fl, filters[i].rel, &err), RN_OK);
        if (filters[i].pol)
            assert_int_equal(rn_filter_set_polarity(&fl, filters[i].pol, &err), RN_OK);
        if (filters[i].since)
            assert_int_equal(rn_filter_set_since(&fl, filters[i].since, &err), RN_OK);
        if (filters[i].until)
            assert_int_equal(rn_filter_set_until(&fl, filters[i].until, &err), RN_OK);
        for (int keep_text = 0; keep_text <= 1; keep_text++) {
            struct rn_relset *loaded, *selected;
            assert_int_equal(rn_store_load(kb, &fl, keep_text, &loaded, &err), RN_OK);
            assert_int_equal(rn_relset_select(all, &fl, keep_text, &selected, &err), RN_OK);
            assert_same_set(loaded, selected);
            rn_relset_free(loaded);
            rn_relset_free(selected);
        }
        rn_filter_release(&fl);
    }
    rn_filter_release(&every);
    rn_relset_free(all);
    rn_store_close(kb);
    rn_aliases_free(known);
}


/* One article of test_logged_set_equals_load: its records, sentence by
   sentence (two records of one sentence share its evidence). */
static void add_logged_article(struct rn_store *kb, int k, const char *url, const char *title)
{
    struct rn_err err = RN_ERR_INIT;
    char path[32], hash[33], ev[64];
    snprintf(path, sizeof path, "art%d.txt", k);
    snprintf(hash, sizeof hash, "%032x", k);
    struct rn_store_article a = { .path = k % 5 == 4 ? NULL : path, .url = url, .title = title,
                                  .date = "2021-03-04", .content_hash = hash };
    assert_int_equal(rn_store_savepoint(kb, &err), RN_OK);
    assert_int_equal(rn_store_article_start(kb, &a, &err), RN_OK);
    static const char *const names[] = { "USA", "China", "PRC", "Huawei", "Zhao", "u.s.a.", "EU" };
    static const char *const rels[] = { "accuses", "bans", "signs", "proposes", "sanctions" };
    for (int i = 0; i < 6; i++) {
        struct rn_record r;
        rn_record_init(&r);
        r.source = names[(k + i) % 7];
        r.target = names[(k + 2 * i + 1) % 7];
        r.relation = rels[(k + i) % 5];
        r.polarity = (enum rn_polarity)((k + i) % RN_POL_COUNT);
        r.origin = RN_ORIGIN_EXTRACTED;
        r.weight = i == 2 ? -0.0 : 1.0 + i;
        r.confidence = 0.25 * i;
        r.date = i == 1 ? "" : i == 3 ? NULL : i == 4 ? "2020-13" : "2021-03-04";
        snprintf(ev, sizeof ev, "Sentence %d of article %d.", i / 2, k);
        r.evidence = i == 5 ? "" : ev;
        r.sentence_no = i == 0 ? 0 : i / 2 + 1;
        r.offset = i == 0 ? -1 : 10 * i;
        if (strcmp(r.source, r.target) != 0)
            assert_int_equal(rn_store_add_record(kb, &r, &err), RN_OK);
    }
    rn_store_article_end(kb);
    assert_int_equal(rn_store_release(kb, &err), RN_OK);
}

/* build keeps the records it writes (rn_store_log_relations) and loads
   them from that log: the set is the one rn_store_load reads from the
   file; whatever else changes relations ends the log, and the load then
   reads the file. */
static void test_logged_set_equals_load(void **state)
{
    (void)state;
    struct rn_err err = RN_ERR_INIT;
    struct rn_aliases *known = rn_aliases_new();
    assert_non_null(known);
    assert_int_equal(rn_aliases_add(known, "PRC", "China", RN_ETYPE_COUNTRY, NULL), RN_OK);
    assert_int_equal(rn_aliases_add(known, "Zhao", "Zhao Lijian", RN_ETYPE_PERSON, "China"), RN_OK);
    struct rn_filter every;
    rn_filter_init(&every);
    every.polarity_mask = (1u << RN_POL_COUNT) - 1;
    for (int variant = 0; variant < 5; variant++) { /* 4: as 0, without the texts */
        struct rn_store *kb = fresh("logged.db");
        rn_store_use_aliases(kb, known);
        assert_int_equal(rn_store_logged(kb), -1);
        assert_int_equal(rn_store_log_relations(kb, &err), RN_OK);
        assert_int_equal(rn_store_logged(kb), 0);
        for (int batch = 0; batch < 2; batch++) {
            assert_int_equal(rn_store_begin(kb, &err), RN_OK);
            for (int k = 10 * batch; k < 10 * batch + 10; k++)
                add_logged_article(kb, k, k % 3 ? "https://x.org/a" : NULL, k % 2 ? "T" : NULL);
            if (batch == 1 && variant == 1) { /* an article undone alone */
                assert_int_equal(rn_store_savepoint(kb, &err), RN_OK);
                add(kb, "Chile", "signs", "Lima Pact");
                rn_store_rollback_savepoint(kb);
            }
            if (batch == 1 && variant == 2) /* rows of no article (an edge list's) */
                add(kb, "Chile", "signs", "Lima Pact");
            if (batch == 1 && variant == 3) /* a merge rewrites relations */
                assert_int_equal(rn_store_add_alias(kb, "EU", "China", RN_ETYPE_UNKNOWN, NULL,
                                                    &err), RN_OK);
            assert_int_equal(rn_store_commit(kb, &err), RN_OK);
        }
        /* the log holds every row unless something else touched relations */
        if (variant == 0 || variant == 4)
            assert_true(rn_store_logged(kb) > 100);
        if (variant == 1 || variant == 3)
            assert_int_equal(rn_store_logged(kb), -1);
        /* from the log (or the file), then from the file: the log ends */
        struct rn_store_counts counted[2];
        for (int again = 0; again < 2; again++) {
            assert_int_equal(rn_store_counts(kb, &counted[again], &err), RN_OK);
            int keep_text = variant != 4;
            struct rn_relset *logged, *loaded;
            assert_int_equal(rn_store_load_all(kb, keep_text, &logged, &err), RN_OK);
            assert_int_equal(rn_store_logged(kb), -1);
            assert_int_equal(rn_store_load(kb, &every, keep_text, &loaded, &err), RN_OK);
            assert_true(loaded->n_records > 100);
            assert_same_set(logged, loaded);
            rn_relset_free(logged);
            rn_relset_free(loaded);
        }
        assert_true(counted[0].dated > 0 && counted[0].dated < counted[0].relations);
        assert_memory_equal(&counted[0], &counted[1], sizeof counted[0]);
        rn_store_close(kb);
    }
    /* a knowledge base with relations already keeps no log */
    struct rn_store *kb;
    assert_int_equal(rn_store_open("logged.db", 0, &kb, &err), RN_OK);
    assert_int_equal(rn_store_log_relations(kb, &err), RN_OK);
    assert_int_equal(rn_store_logged(kb), -1);
    rn_store_close(kb);
    rn_filter_release(&every);
    rn_aliases_free(known);
}


static long file_size(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fclose(f);
    return n;
}

/* The journal mode in a database file's header: bytes 18 and 19 are 2 in
   WAL mode, 1 in the rollback modes. */
static int header_wal(const char *path)
{
    unsigned char h[20] = { 0 };
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fread(h, 1, sizeof h, f), sizeof h);
    fclose(f);
    return h[18] == 2 && h[19] == 2;
}

/* RN_STORE_FILL_AT_ONCE: each commit goes straight into the file (no WAL
   file, the journal emptied after each commit), and the file is in WAL
   mode once the store closes. */
static void test_fill_at_once(void **state)
{
    (void)state;
    struct rn_err err = RN_ERR_INIT;
    struct rn_store *kb = NULL;
    unlink("once.db");
    assert_int_equal(rn_store_open("once.db", RN_STORE_CREATE | RN_STORE_FILL_AT_ONCE, &kb, &err),
                     RN_OK);
    long empty = file_size("once.db");
    static char evidence[16001];
    memset(evidence, 'x', sizeof evidence - 1);
    for (int batch = 0; batch < 3; batch++) {
        assert_int_equal(rn_store_begin(kb, &err), RN_OK);
        for (int i = 0; i < 400; i++) {
            struct rn_record r;
            rn_record_init(&r);
            r.source = "Chile";
            r.relation = "signs";
            r.target = "Lima Pact";
            evidence[i % 16000] = 'y'; /* no two alike */
            r.evidence = evidence;
            assert_int_equal(rn_store_add_record(kb, &r, &err), RN_OK);
        }
        assert_int_equal(rn_store_commit(kb, &err), RN_OK);
        assert_true(file_size("once.db") > empty + (long)(batch + 1) * (6L << 20));
        assert_true(file_size("once.db-wal") <= 0);
        assert_true(file_size("once.db-journal") <= 0);
    }
    assert_false(header_wal("once.db"));
    rn_store_close(kb);
    assert_true(header_wal("once.db"));
    assert_true(file_size("once.db-wal") <= 0);
    assert_int_equal(rn_store_open("once.db", 0, &kb, &err), RN_OK);
    struct rn_store_counts c;
    assert_int_equal(rn_store_counts(kb, &c, &err), RN_OK);
    assert_int_equal(c.relations, 1200);
    rn_store_close(kb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_open_rejects_missing_and_foreign_files),
        cmocka_unit_test(test_aliases_merge_entities),
        cmocka_unit_test(test_types_and_affiliations),
        cmocka_unit_test(test_rollback_leaves_nothing),
        cmocka_unit_test(test_articles_are_idempotent),
        cmocka_unit_test(test_batches_leave_no_values),
        cmocka_unit_test(test_selection_equals_filtered_load),
        cmocka_unit_test(test_logged_set_equals_load),
        cmocka_unit_test(test_fill_at_once),
        cmocka_unit_test(test_suggestions),
        cmocka_unit_test(test_import_into_store_and_relset_agree),
        cmocka_unit_test(test_known_names_resolve_on_first_sight),
        cmocka_unit_test(test_batched_rows_are_all_written_or_all_rolled_back),
        cmocka_unit_test(test_alias_rows_written_late_find_their_entities),
        cmocka_unit_test(test_write_behind_writes_what_one_thread_writes),
        cmocka_unit_test(test_csv_in_parts_equals_one_pass),
        cmocka_unit_test(test_csv_in_parts_folds_names_as_one_pass),
        cmocka_unit_test(test_csv_in_parts_declines_what_it_cannot_cut),
        cmocka_unit_test(test_csv_in_parts_cuts_crlf_files),
        cmocka_unit_test(test_csv_in_parts_filter_as_one_pass),
        cmocka_unit_test(test_weights_read_as_strtod_reads_them),
        cmocka_unit_test(test_target_without_letters_after_source),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
