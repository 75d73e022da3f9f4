/**
 * JavaScript evaluated inside each fresh QuickJS context before the end user's code. It is the
 * sandbox's own code, so it takes the built-ins it relies on before the user's code can replace
 * them, and it hands the host two functions:
 *
 * - `run(fn)` calls the user's function with `input`, `steps` and `vars` (parsed here, inside the
 *   guest, from JSON text: no host object ever enters);
 * - `serialize(value, maxLength)` turns the result into JSON text, or the text's length when it
 *   is longer than `maxLength` (so a huge string is never copied out), and throws a message for
 *   a user when the value is not JSON.
 *
 * It also installs `console.log/info/warn/error/debug`, which format their arguments and pass
 * one line of text to the host's `log(level, message)`; the host caps lines and their count.
 *
 * @remarks Replacing these built-ins from the user's code only changes what the user's own code
 * sees: the host checks every value it reads (a string where it wants one, a length it measures).
 */
export const GUEST_PRELUDE = `(function (log, globalsJson, maxLogChars) {
  'use strict';
  var apply = Reflect.apply;
  var stringify = JSON.stringify;
  var toText = String;
  var slice = String.prototype.slice;
  var ErrorType = Error;
  var TypeErrorType = TypeError;
  var globals = JSON.parse(globalsJson);

  function format(value) {
    if (typeof value === 'string') return value;
    try {
      if (value instanceof ErrorType) return toText(value.name) + ': ' + toText(value.message);
      if (value !== null && typeof value === 'object') {
        var json = stringify(value);
        if (typeof json === 'string') return json;
      }
      return toText(value);
    } catch (error) {
      return '[a value that could not be printed]';
    }
  }

  function writer(level) {
    return function () {
      var text = '';
      for (var i = 0; i < arguments.length && text.length <= maxLogChars; i += 1) {
        text += (i === 0 ? '' : ' ') + format(arguments[i]);
      }
      log(level, text.length > maxLogChars ? apply(slice, text, [0, maxLogChars + 1]) : text);
    };
  }

  globalThis.console = {
    log: writer('info'),
    info: writer('info'),
    warn: writer('warn'),
    error: writer('error'),
    debug: writer('debug'),
  };

  var NOT_JSON = ', which is not JSON: return data (objects, arrays, strings, numbers, booleans, null)';

  function kindOf(value) {
    switch (typeof value) {
      case 'function': return 'a function';
      case 'symbol': return 'a symbol';
      case 'bigint': return 'a BigInt (convert it with String() or Number())';
      default: return undefined;
    }
  }

  function refuse(message) {
    var error = new TypeErrorType(message);
    error.name = 'NotJson';
    throw error;
  }

  function replacer(key, value) {
    var kind = kindOf(value);
    if (kind) refuse('The code returned ' + kind + (key === '' ? '' : ' under the key ' + stringify(key)) + NOT_JSON);
    return value;
  }

  function serialize(value, maxLength) {
    if (value === undefined) {
      refuse('The code returned undefined: end it with return and the output, e.g. return { ok: true }');
    }
    var json;
    try {
      json = stringify(value, replacer);
    } catch (error) {
      if (error instanceof TypeErrorType && error.message === 'circular reference') {
        refuse('The code returned an object that contains itself (a cycle)' + NOT_JSON);
      }
      throw error;
    }
    if (typeof json !== 'string') refuse('The code returned a value that serializes to nothing' + NOT_JSON);
    return json.length > maxLength ? json.length : json;
  }

  function run(fn) {
    return fn(globals.input, globals.steps, globals.vars);
  }

  return { run: run, serialize: serialize };
})`;
