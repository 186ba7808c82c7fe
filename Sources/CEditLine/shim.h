#ifndef OPTIMLINGS_CEDITLINE_SHIM_H
#define OPTIMLINGS_CEDITLINE_SHIM_H

// Swift cannot call C variadic functions or read the C `stdin`/`stdout`
// globals under strict concurrency, so these fixed-argument wrappers expose
// the few libedit calls the REPL makes.

#include <stdio.h>
#include <histedit.h>

static inline FILE *optimlings_stdin(void) { return stdin; }
static inline FILE *optimlings_stdout(void) { return stdout; }
static inline FILE *optimlings_stderr(void) { return stderr; }

static inline int optimlings_el_set_prompt(EditLine *el, char *(*prompt)(EditLine *)) {
  return el_set(el, EL_PROMPT, prompt);
}

static inline int optimlings_el_set_prompt_esc(EditLine *el, char *(*prompt)(EditLine *), char ignore) {
  return el_set(el, EL_PROMPT_ESC, prompt, ignore);
}

static inline int optimlings_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}

static inline int optimlings_el_set_history(EditLine *el, History *list) {
  return el_set(el, EL_HIST, history, list);
}

static inline int optimlings_el_set_signal(EditLine *el, int on) {
  return el_set(el, EL_SIGNAL, on);
}

static inline int optimlings_el_set_client_data(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}

static inline void *optimlings_el_get_client_data(EditLine *el) {
  void *data = NULL;
  el_get(el, EL_CLIENTDATA, &data);
  return data;
}

static inline int optimlings_el_add_function(
    EditLine *el, const char *name, const char *help, unsigned char (*function)(EditLine *, int)) {
  return el_set(el, EL_ADDFN, name, help, function);
}

static inline int optimlings_el_bind(EditLine *el, const char *key, const char *function) {
  return el_set(el, EL_BIND, key, function, NULL);
}

static inline int optimlings_el_set_getc(EditLine *el, el_rfunc_t function) {
  return el_set(el, EL_GETCFN, function);
}

static inline int optimlings_el_prep_term(EditLine *el, int on) {
  return el_set(el, EL_PREP_TERM, on);
}

static inline int optimlings_history_set_size(History *list, HistEvent *event, int size) {
  return history(list, event, H_SETSIZE, size);
}

static inline int optimlings_history_set_unique(History *list, HistEvent *event, int unique) {
  return history(list, event, H_SETUNIQUE, unique);
}

static inline int optimlings_history_enter(History *list, HistEvent *event, const char *line) {
  return history(list, event, H_ENTER, line);
}

static inline int optimlings_history_load(History *list, HistEvent *event, const char *path) {
  return history(list, event, H_LOAD, path);
}

static inline int optimlings_history_save(History *list, HistEvent *event, const char *path) {
  return history(list, event, H_SAVE, path);
}

#endif
