// The state tag belongs to the status feature; this name stays for the files still importing it here.
export { StatusTag, statusText } from '../../status/StatusTag';
