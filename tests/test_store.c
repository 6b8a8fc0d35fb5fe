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
#include "relnet/relset.h"
#include "relnet/store.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_open_rejects_missing_and_foreign_files),
        cmocka_unit_test(test_aliases_merge_entities),
        cmocka_unit_test(test_types_and_affiliations),
        cmocka_unit_test(test_rollback_leaves_nothing),
        cmocka_unit_test(test_articles_are_idempotent),
        cmocka_unit_test(test_suggestions),
        cmocka_unit_test(test_import_into_store_and_relset_agree),
        cmocka_unit_test(test_known_names_resolve_on_first_sight),
        cmocka_unit_test(test_batched_rows_are_all_written_or_all_rolled_back),
        cmocka_unit_test(test_alias_rows_written_late_find_their_entities),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
