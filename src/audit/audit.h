/*
 * audit: the hash-chained audit trail (NEN 7513).
 *
 * Every login, failed login and logout, and every create, read, update
 * and delete of a record with personal data appends one entry: time,
 * user, organisation, role, action, object type and id, the reason when
 * one was given, client address and request id.  An entry's hash is a
 * keyed BLAKE2b over the previous entry's hash and the entry itself, ids
 * run 1, 2, 3 without gaps, so an entry that is changed, removed,
 * inserted or moved breaks the chain at that point; without the key the
 * chain cannot be recomputed.
 *
 * audit_append() runs inside the caller's store_write(), so the entry
 * commits with the change it records or not at all.  audit_read() is for
 * reads of personal data: it makes its own durable write, and a read
 * whose entry cannot be written must not be answered.
 */
#ifndef SCHAKEL_AUDIT_H
#define SCHAKEL_AUDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ctx;

#define AUDIT_HASH_LEN	32

struct audit_entry {
	int64_t		 id;
	int64_t		 at;
	int64_t		 user_id;	/* 0: none (an unknown login name) */
	int64_t		 org_id;
	const char	*role;
	const char	*action;	/* "login", "user.create", ... */
	const char	*object_type;	/* NULL when none */
	int64_t		 object_id;
	const char	*reason;
	const char	*client_addr;
	const char	*request_id;
	unsigned char	 prev[AUDIT_HASH_LEN];
	unsigned char	 hash[AUDIT_HASH_LEN];
};

/* Append an entry for ctx's principal; only inside store_write(). */
int	audit_append(struct ctx *, const char *action, const char *object_type,
	    int64_t object_id);
/* The same, in a durable write of its own (for audited reads). */
int	audit_read(struct ctx *, const char *action, const char *object_type,
	    int64_t object_id);

/*
 * Who accessed an object, newest first (at most max entries), as
 * entries whose username is filled in; in the context's arena.  The
 * listing is itself audited as "audit.view" on that object.
 */
struct audit_access {
	int64_t		 id;
	int64_t		 at;
	int64_t		 user_id;
	const char	*username;
	int64_t		 org_id;
	const char	*role;
	const char	*action;
	const char	*reason;
};
int	audit_list_object(struct ctx *, const char *object_type,
	    int64_t object_id, size_t max, struct audit_access **, size_t *n);

/* The chain hash of e (over e->prev and the fields), with key. */
void	audit_hash(const unsigned char key[32], const struct audit_entry *,
	    unsigned char out[AUDIT_HASH_LEN]);

/*
 * The chain check itself, one entry at a time in id order, so it can be
 * run over pages of any size.  Start with audit_cursor_init().
 * audit_chain_step() returns 0 when e follows the entries before it, or
 * -1 with *why naming what is wrong with entry *bad.
 */
struct audit_cursor {
	unsigned char	 running[AUDIT_HASH_LEN];
	int64_t		 next;		/* the id the next entry must have */
};
void	audit_cursor_init(struct audit_cursor *);
int	audit_chain_step(struct audit_cursor *, const unsigned char key[32],
	    const struct audit_entry *, int64_t *bad, const char **why);

/*
 * Walk the whole chain.  0 when intact (*count entries); -1 with the
 * first broken entry's id in *bad_id and a message in the context
 * (ST_CONFLICT), or another status when the chain could not be read.
 */
int	audit_verify(struct ctx *, int64_t *count, int64_t *bad_id);

/*
 * The head: the id and hash of the newest entry (id 0: the trail is
 * empty).  audit_newest() reads it without walking the chain.
 * audit_head_match() checks that the chain, whose newest entry is
 * newest, still holds the entry a record (what: "the checkpoint", "the
 * signed head") names with the hash it names: 0, or -1 (ST_CONFLICT)
 * with the first missing or different entry in *bad_id.
 */
struct audit_head {
	int64_t		 id;
	unsigned char	 hash[AUDIT_HASH_LEN];
};
int	audit_newest(struct ctx *, struct audit_head *);
int	audit_head_match(struct ctx *, const struct audit_head *,
	    int64_t newest, const char *what, int64_t *bad_id);

/*
 * The checkpoint: a file (DIR/audit.head) that records the id and hash of
 * the newest entry, with a keyed MAC, rewritten after every commit.  The
 * chain alone cannot show that entries were cut off its end; the
 * checkpoint can, as long as it is neither removed nor replaced by an
 * older one of its own: a trail with entries and no checkpoint is
 * therefore a failure, and the commit hook never makes a checkpoint
 * where there is none (unless may_create: the trail was empty when the
 * store was opened) nor replaces one it cannot read.  Only
 * audit_checkpoint_reset(), run on an operator's word, does.
 * audit_checkpoint_hook() is a store_on_commit() function; its argument
 * is a struct audit_checkpoint that outlives the store.
 */
struct audit_checkpoint {
	const char	*path;
	const struct crypt_keys *keys;
	bool		 may_create;	/* the trail was empty at the start */
	bool		 warned;	/* the hook has said why it cannot */
};
void	audit_checkpoint_hook(struct ctx *, void *);
/* Record the newest entry, unless the file already records a newer one
 * (another server sharing the folder may have written it); fails when
 * there is no file (and !may_create) or it is malformed or altered. */
int	audit_checkpoint_write(struct ctx *, struct audit_checkpoint *);
/* Record the newest entry whatever the file holds: after a restore, or
 * when an operator has looked into a refusal. */
int	audit_checkpoint_reset(struct ctx *, struct audit_checkpoint *);
/* What the file records: 0 with h->id 0 when there is no file; -1
 * (ST_CONFLICT) when it is malformed or its MAC does not verify. */
int	audit_checkpoint_read(struct ctx *, const struct audit_checkpoint *,
	    struct audit_head *);
/*
 * Compare the checkpoint with a chain that audit_verify() found intact
 * with count entries.  0 when they agree or when both are empty; -1 with
 * *bad_id and a message (ST_CONFLICT) when there is no checkpoint but
 * there are entries (*missing set), when entries were cut off, or when
 * the checkpoint was altered.  The checkpoint must be read before the
 * chain is (a server sharing the folder may add entries meanwhile), so
 * the caller reads it with audit_checkpoint_read() and passes it here.
 */
int	audit_checkpoint_check(struct ctx *, const struct audit_checkpoint *,
	    const struct audit_head *, int64_t count, int64_t *bad_id,
	    bool *missing);
/*
 * The check a server makes before it starts, without walking the chain:
 * the checkpoint, then the newest entry, then audit_checkpoint_check()
 * against its id, and the newest entry's own hash.  Fast on a chain of
 * any length.
 */
int	audit_checkpoint_start(struct ctx *, const struct audit_checkpoint *);

/*
 * Signed heads, to keep outside the data folder: one line
 *
 *	schakel-audit-head-1 id=ID hash=HEX at=YYYY-MM-DDTHH:MM:SSZ sig=HEX
 *
 * with an Ed25519 signature (crypt_sign()) over everything before
 * " sig=".  No personal data: an id, a hash and a time.
 * audit_head_line() makes one for h at time `at`, in the arena;
 * audit_head_parse() finds the last such line in text (a file or a log
 * may hold other lines and text around it), checks its signature and
 * fills h; -1 (ST_INVALID) when there is none or it does not verify.
 */
#define AUDIT_HEAD_MAGIC	"schakel-audit-head-1"
char	*audit_head_line(struct ctx *, const struct audit_head *, int64_t at);
/* The public key heads are signed with, in hexadecimal, in the arena. */
char	*audit_head_public_key(struct ctx *);
int	audit_head_parse(struct ctx *, const char *text, struct audit_head *);

#endif
