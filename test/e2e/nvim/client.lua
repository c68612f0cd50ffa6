-- Factcheck's language server in headless Neovim (0.7+, Debian bookworm ships 0.7.2), a client
-- that only knows pushed diagnostics. Run by test/e2e/nvim.ts:
--   FACTCHECK_SERVER=server/dist/server.js FACTCHECK_NODE_FLAGS=--max-semi-space-size=32 FACTCHECK_FILE=/tmp/x/article.txt \
--   FACTCHECK_EXPECTED='claim.unsourced=5,quote.attributed=20' nvim --headless --clean -c 'luafile client.lua'
-- Prints one `ok - NAME` or `not ok - NAME: WHY` line per check, then quits (exit 1 on a failure).
-- vim.lsp.start is 0.8+, so this uses start_client and buf_attach_client.
local function out(line) io.stdout:write(line .. '\n') end
local failed = false
local function check(name, ok, why)
  if ok then out('ok - ' .. name) else failed = true; out('not ok - ' .. name .. ': ' .. (why or '')) end
  return ok
end
local function finish()
  pcall(vim.lsp.stop_client, vim.lsp.get_active_clients())
  if failed then vim.cmd('cquit! 1') else vim.cmd('qall!') end
end

-- The checks; any Lua error is reported as a failure instead of leaving nvim at a prompt.
local function main()
  local server, file = os.getenv('FACTCHECK_SERVER'), os.getenv('FACTCHECK_FILE')
  -- node, the server's flags (FACTCHECK_NODE_FLAGS, space-separated), the server: as the README's settings start it.
  local cmd = { 'node' }
  for flag in (os.getenv('FACTCHECK_NODE_FLAGS') or ''):gmatch('%S+') do table.insert(cmd, flag) end
  table.insert(cmd, server)
  table.insert(cmd, '--stdio')
  local expected = {}
  for code, n in (os.getenv('FACTCHECK_EXPECTED') or ''):gmatch('([%w%.%-]+)=(%d+)') do expected[code] = tonumber(n) end

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()

  -- Every publishDiagnostics for our buffer, newest last.
  local published = {}
  local client_id = vim.lsp.start_client({
    name = 'factcheck',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    -- Neovim calls plain text `text`; the server knows LSP's `plaintext`.
    get_language_id = function(_, filetype) return filetype == 'text' and 'plaintext' or filetype end,
    flags = { debounce_text_changes = 50 },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        if result and result.uri == vim.uri_from_bufnr(bufnr) then table.insert(published, result) end
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
  })
  if not check('server starts', client_id ~= nil, 'start_client returned nil') then return end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local got = vim.wait(20000, function() return #published > 0 and #published[#published].diagnostics > 0 end, 20)
  if not check('diagnostics are pushed', got, 'no publishDiagnostics with findings within 20 s') then return end
  local diags = published[#published].diagnostics

  local counts = {}
  for _, d in ipairs(diags) do counts[d.code] = (counts[d.code] or 0) + 1 end
  local mismatch = {}
  for code, n in pairs(expected) do
    if counts[code] ~= n then table.insert(mismatch, string.format('%s: %s (CLI %d)', code, tostring(counts[code] or 0), n)) end
  end
  for code, n in pairs(counts) do
    if expected[code] == nil then table.insert(mismatch, string.format('%s: %d (CLI 0)', code, n)) end
  end
  table.sort(mismatch)
  check('counts per rule match the CLI', #mismatch == 0, table.concat(mismatch, '; '))
  local all_factcheck = true
  for _, d in ipairs(diags) do if d.source ~= 'factcheck' then all_factcheck = false end end
  check('diagnostics have source factcheck', all_factcheck)

  local claim
  for _, d in ipairs(diags) do
    if d.code == 'claim.unsourced' and (claim == nil or d.range.start.line < claim.range.start.line
        or (d.range.start.line == claim.range.start.line and d.range.start.character < claim.range.start.character)) then
      claim = d
    end
  end
  if not check('a claim.unsourced diagnostic is pushed', claim ~= nil) then return end

  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = claim.range,
    context = { diagnostics = { claim }, only = { 'quickfix' } },
  }, 10000)
  local action
  for _, resp in pairs(responses or {}) do
    for _, a in ipairs(resp.result or {}) do
      if action == nil and a.title:find('^Add source note') then action = a end
    end
  end
  if not check('code action "Add source note" is offered', action ~= nil and action.edit ~= nil) then return end
  out('# ' .. action.title)

  local before = #published
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  vim.cmd('write')
  local function claim_still_there()
    for _, d in ipairs(published[#published].diagnostics) do
      if d.code == 'claim.unsourced' and d.range.start.line == claim.range.start.line
          and d.range.start.character == claim.range.start.character then return true end
    end
    return false
  end
  local gone = vim.wait(20000, function() return #published > before and not claim_still_there() end, 20)
  check('after the edit the claim is no longer flagged', gone, #published > before and 'still flagged' or 'no new diagnostics pushed')
end

local ok, err = xpcall(main, debug.traceback)
if not ok then check('client script runs without a Lua error', false, tostring(err):gsub('\n', ' | ')) end
finish()
