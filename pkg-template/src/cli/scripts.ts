/**
 * The scripts `openai-admin @completion bash|zsh|fish|pwsh` prints. Each asks the hidden
 * `__complete` command (complete.ts) for the word under the cursor and acts on its exit status:
 * 0 the printed candidates, 10 file names, 11 nothing. A word that starts with `@` (a `@file`
 * value, also `@file://` and `@data://`, or `--flag=@...`) completes as a file name. Unlike the
 * official scripts, an `@` inside a word (an email address) does not.
 */
import type { Style } from './complete.js';

const BASH = `# bash completion for __BIN__: source <(__BIN__ @completion bash)
__FN___bash() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" out code IFS=$'\\n'
  out=$(COMPLETION_STYLE=bash "\${COMP_WORDS[0]}" __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" 2>/dev/null)
  code=$?
  # bash splits @file://x at the colon: join '@file' ':' '//x' back.
  local word="$cur"
  if [[ $COMP_CWORD -ge 2 && "\${COMP_WORDS[COMP_CWORD-1]}" == ":" && "\${COMP_WORDS[COMP_CWORD-2]}" =~ ^@(file|data)$ && "$cur" == //* ]]; then
    word="\${COMP_WORDS[COMP_CWORD-2]}:$cur"
  fi
  if [[ "$word" =~ ^(-[^=]*=)?@((file|data)://)?(.*)$ ]]; then
    local path="\${BASH_REMATCH[4]}" prefix
    if [[ "$word" != "$cur" ]]; then prefix="//"; else prefix="\${BASH_REMATCH[1]}@\${BASH_REMATCH[2]}"; fi
    COMPREPLY=()
    local f
    while IFS= read -r f; do COMPREPLY+=("$prefix$f"); done < <(compgen -f -- "$path")
    return 0
  fi
  case $code in
    10) mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
    0)
      # Names, not files: quoted here (a group name may hold a space), so that bash leaves an @ be.
      COMPREPLY=()
      if [[ -n "$out" ]]; then
        compopt +o filenames 2>/dev/null
        local c
        while IFS= read -r c; do COMPREPLY+=("$(printf '%q' "$c")"); done <<<"$out"
      fi ;;
    *) COMPREPLY=() ;;
  esac
  return 0
}
complete -o filenames -F __FN___bash __BIN__
`;

const ZSH = `#compdef __BIN__
# zsh completion for __BIN__: source <(__BIN__ @completion zsh), or save as _openai-admin in $fpath
__FN___zsh() {
  local -a candidates
  local out code cur="\${words[CURRENT]}"
  out=$(COMPLETION_STYLE=zsh "\${words[1]}" __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)
  code=$?
  if [[ "$cur" =~ '^(-[^=]*=)?@' ]]; then
    if [[ "$cur" =~ '^(-[^=]*=)?@(file|data)://' ]]; then compset -P '*://'; else compset -P '*@'; fi
    _files
    return
  fi
  case $code in
    10) _files ;;
    0) candidates=("\${(@f)out}"); [[ -n "$out" ]] && _describe 'values' candidates ;;
    *) return 1 ;;
  esac
}
if [[ "\${funcstack[1]}" == "___BIN__" ]]; then
  __FN___zsh "$@"
else
  compdef __FN___zsh __BIN__
fi
`;

const FISH = `# fish completion for __BIN__: __BIN__ @completion fish | source
function __FN___fish
    set -l tokens (commandline -xpc)
    set -l current (commandline -ct)
    set -l out (env COMPLETION_STYLE=fish $tokens[1] __complete -- $tokens[2..-1] $current 2>/dev/null)
    set -l code $status
    if string match -qr '^(?<before>-[^=]*=)?@(?<scheme>(?:file|data)://)?(?<path>.*)$' -- $current
        for p in (__fish_complete_path "$path")
            echo "$before@$scheme$p"
        end
        return 0
    end
    switch $code
        case 10
            __fish_complete_path "$current"
        case 0
            printf '%s\\n' $out
    end
end
complete -c __BIN__ -f -a '(__FN___fish)'
`;

const PWSH = `# PowerShell completion for __BIN__: __BIN__ @completion pwsh | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName __BIN__ -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $words = @()
  foreach ($element in $commandAst.CommandElements | Select-Object -Skip 1) {
    if ($element.Extent.EndOffset -ge $cursorPosition) { break }
    $words += $element.Extent.Text.Trim("'", '"')
  }
  $current = $wordToComplete.Trim("'", '"')
  $previous = $env:COMPLETION_STYLE
  try {
    $env:COMPLETION_STYLE = 'pwsh'
    $out = & __BIN__ __complete -- @words $current 2>$null
    $code = $LASTEXITCODE
  } finally {
    $env:COMPLETION_STYLE = $previous
  }
  if ($current -match '^(-[^=]*=)?@((file|data)://)?(.*)$') {
    $prefix = $Matches[1] + '@' + $Matches[2]
    Get-ChildItem -Path ($Matches[4] + '*') -ErrorAction SilentlyContinue | ForEach-Object {
      $text = $prefix + $_.Name + $(if ($_.PSIsContainer) { '/' } else { '' })
      [System.Management.Automation.CompletionResult]::new($text, $text, 'ProviderItem', $text)
    }
    return
  }
  switch ($code) {
    10 {
      Get-ChildItem -Path ($current + '*') -ErrorAction SilentlyContinue | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_.Name, $_.Name, 'ProviderItem', $_.Name)
      }
    }
    0 {
      $out | Where-Object { $_ } | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
      }
    }
  }
}
`;

const SCRIPTS: Record<Style, string> = { bash: BASH, zsh: ZSH, fish: FISH, pwsh: PWSH };

/** The completion script for `shell`, for the command named `bin`. */
export function completionScript(shell: Style, bin: string): string {
  const fn = `_${bin.replace(/[^A-Za-z0-9_]/g, '_')}`;
  return SCRIPTS[shell].replace(/__FN__/g, fn).replace(/__BIN__/g, bin);
}
